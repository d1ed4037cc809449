import type { LegacyInvocation, LegacyRequestBuilder } from './LegacyRequestBuilder';
import type { WechatApiClient } from './WechatApiClient';
import type { WechatAppName } from './WechatApiError';
import type { JsonRequestSpec } from './WechatCall';
import { jsonRequest } from './WechatCall';
import type { WechatJson } from './parseWechatJson';

/** What every group of gateway methods needs: the client, the API base and its app. */
export interface GatewayContext {
  app: WechatAppName;
  client: WechatApiClient;
  apiBase: string;
}

/** Options of a hand-written call. */
export interface HandWrittenCall extends JsonRequestSpec {
  /** Safe to repeat when the outcome is unknown. */
  idempotent: boolean;
  /** Carries the app's access token (default true). */
  authenticated?: boolean;
  clientMsgId?: string;
}

/** Performs a hand-written JSON call for the context's app. */
export function callJson(context: GatewayContext, call: HandWrittenCall): Promise<WechatJson> {
  return context.client.json({
    app: context.app,
    path: call.path,
    authenticated: call.authenticated ?? true,
    idempotent: call.idempotent,
    clientMsgId: call.clientMsgId,
    build: jsonRequest(context.apiBase, call),
  });
}

/** The official account's context: its calls that wechat-api knows are built by wechat-api. */
export interface OfficialAccountContext extends GatewayContext {
  legacy: LegacyRequestBuilder;
}

/** Options of a call built by wechat-api. */
export interface LegacyCall {
  /** The API path (for errors and logs). */
  path: string;
  idempotent: boolean;
  clientMsgId?: string;
  /** Body fields wechat-api does not know. */
  extraBody?: Record<string, unknown>;
}

/** Performs a call whose request wechat-api builds (see {@link LegacyRequestBuilder}). */
export function callLegacy(context: OfficialAccountContext, call: LegacyCall, invoke: LegacyInvocation): Promise<WechatJson> {
  return context.client.json({
    app: context.app,
    path: call.path,
    authenticated: true,
    idempotent: call.idempotent,
    clientMsgId: call.clientMsgId,
    build: (token) => context.legacy.build(token, invoke, call.extraBody),
  });
}
