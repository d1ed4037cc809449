import getRawBody from 'raw-body';
import { AppError } from '../../app/AppError';
import { errors } from '../../app/errors';
import type { AppContext } from '../../app/appTypes';
import { inspectXml } from './inspectXml';

const XML_TYPES = ['text/xml', 'application/xml', 'text/plain'];

/**
 * Reads a push body as UTF-8 text, at most `limit` bytes, and refuses what a WeChat push
 * never is (wrong type, oversized, not UTF-8, entity or DOCTYPE tricks) with a 4xx before
 * any parser or handler runs.
 */
export async function readXmlBody(ctx: AppContext, limit: number): Promise<string> {
  const type = ctx.request.type;
  if (type !== '' && !XML_TYPES.includes(type)) throw errors.unsupportedMediaType();
  let bytes: Buffer;
  try {
    bytes = await getRawBody(ctx.req, { length: ctx.request.length, limit });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 413) throw errors.payloadTooLarge();
    throw errors.badRequest('invalid_body', '请求内容格式不正确');
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw errors.badRequest('invalid_xml', '消息不是有效的 UTF-8 XML');
  }
  assertSafeXml(xml);
  return xml;
}

/** Refuses XML a push never contains (see {@link inspectXml}) with 400 `invalid_xml`. */
export function assertSafeXml(xml: string): void {
  const problem = inspectXml(xml);
  if (problem) throw new AppError(400, 'invalid_xml', '消息格式不正确', { xml: problem });
}
