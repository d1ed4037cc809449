import JSONbig from 'json-bigint';

/** json-bigint keeping 64-bit integers as strings, as the gateway must. */
const bigJson = JSONbig({ storeAsString: true });

/** A WeChat API answer as a test sees it. */
export interface WechatApiResult {
  status: number;
  contentType: string;
  /** Raw text (JSON) or empty for images. */
  text: string;
  /** Parsed with json-bigint (64-bit ids as strings); undefined for non-JSON answers. */
  json: Record<string, unknown> | undefined;
  /** Raw bytes of the body (images). */
  bytes: Buffer;
}

/**
 * Calls the simulator's WeChat API: GET with `query`, or POST with a JSON `body`
 * (a string body is sent as is).
 */
export async function callWechatApi(
  baseUrl: string,
  path: string,
  options: { query?: Record<string, string>; body?: unknown; contentType?: string } = {},
): Promise<WechatApiResult> {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const hasBody = options.body !== undefined;
  const response = await fetch(url, {
    method: hasBody ? 'POST' : 'GET',
    headers: hasBody ? { 'Content-Type': options.contentType ?? 'application/json' } : undefined,
    body: hasBody ? (typeof options.body === 'string' ? options.body : JSON.stringify(options.body)) : undefined,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const text = contentType.includes('json') ? bytes.toString('utf8') : '';
  const json = text ? (bigJson.parse(text) as Record<string, unknown>) : undefined;
  return { status: response.status, contentType, text, json, bytes };
}
