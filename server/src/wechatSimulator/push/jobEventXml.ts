import type { SimApp } from '../SimContext';
import { buildWechatXml } from './buildWechatXml';
import type { XmlFields } from './buildWechatXml';

/** The sender WeChat puts on account-wide job events (mass-send results); any openid-like id works. */
export const SYSTEM_OPENID = 'oSIMsystem00000000000000000';

/** Template delivery outcomes WeChat reports (note the space in the last one). */
export type TemplateJobStatus = 'success' | 'failed:user block' | 'failed: system failed';

function eventBase(app: SimApp, openid: string, nowSeconds: number, event: string): XmlFields {
  return { ToUserName: app.originalId, FromUserName: openid, CreateTime: nowSeconds, MsgType: 'event', Event: event };
}

/** TEMPLATESENDJOBFINISH: `MsgID` (capital ID) is the send's msgid, bare digits. */
export function templateJobFinishXml(app: SimApp, openid: string, msgId: string, status: TemplateJobStatus, nowSeconds: number): string {
  return buildWechatXml({ ...eventBase(app, openid, nowSeconds, 'TEMPLATESENDJOBFINISH'), MsgID: { raw: msgId }, Status: status });
}

/** Counts reported by MASSSENDJOBFINISH. */
export interface MassJobCounts {
  status: string;
  totalCount: number;
  filterCount: number;
  sentCount: number;
  errorCount: number;
}

/** MASSSENDJOBFINISH with WeChat's counts (FilterCount = SentCount + ErrorCount). */
export function massJobFinishXml(app: SimApp, msgId: string, counts: MassJobCounts, nowSeconds: number): string {
  return buildWechatXml({
    ...eventBase(app, SYSTEM_OPENID, nowSeconds, 'MASSSENDJOBFINISH'),
    MsgID: { raw: msgId },
    Status: counts.status,
    TotalCount: counts.totalCount,
    FilterCount: counts.filterCount,
    SentCount: counts.sentCount,
    ErrorCount: counts.errorCount,
  });
}

/** A media-check verdict. */
export interface MediaCheckVerdict {
  traceId: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  /** 0, or 4294966288 when WeChat could not download the file. */
  statusCode: number;
}

/** The mini-program's wxa_media_check event (XML push format). */
export function mediaCheckXml(app: SimApp, openid: string, verdict: MediaCheckVerdict, nowSeconds: number): string {
  const result = { suggest: verdict.suggest, label: verdict.label };
  return buildWechatXml({
    ...eventBase(app, openid, nowSeconds, 'wxa_media_check'),
    appid: app.appId,
    trace_id: verdict.traceId,
    version: 2,
    detail: { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 },
    errcode: 0,
    errmsg: 'ok',
    result,
    status_code: verdict.statusCode,
  });
}
