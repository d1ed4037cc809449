import { WechatFailure } from '../core/WechatFailure';
import type { SimApp } from '../SimContext';
import type { WechatRequest } from './WechatRoute';

/** Builds the request object routes see; the JSON body is parsed lazily, once. */
export function createWechatRequest(
  method: string,
  url: URL,
  rawBody: Buffer,
  contentType: string,
  caller: SimApp | undefined,
): WechatRequest {
  let parsed: Record<string, unknown> | undefined;
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    rawBody,
    contentType,
    caller,
    json() {
      if (parsed) return parsed;
      const text = rawBody.toString('utf8').trim();
      if (text === '') throw new WechatFailure(44002);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new WechatFailure(47001);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WechatFailure(47001);
      parsed = value as Record<string, unknown>;
      return parsed;
    },
  };
}

/** The body as the call log keeps it: JSON when it parses, else the text, null when empty. */
export function loggableBody(rawBody: Buffer): unknown {
  const text = rawBody.toString('utf8');
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.length > 4096 ? `${text.slice(0, 4096)}…` : text;
  }
}
