import { posSignature, POS_HEADERS } from '../../pos/posAuth';
import type { Store } from '../../stores/Store';

/** Posts a signed POS request, as a store's POS would. */
export async function posPost(
  baseUrl: string,
  store: Pick<Store, 'code'>,
  secret: string,
  path: string,
  body: unknown,
  options: { timestamp?: number; tamper?: boolean } = {},
): Promise<Response> {
  const raw = JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = posSignature(secret, timestamp, 'POST', path, options.tamper ? `${raw} ` : raw);
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [POS_HEADERS.store]: store.code,
      [POS_HEADERS.timestamp]: timestamp,
      [POS_HEADERS.signature]: signature,
    },
    body: raw,
  });
}

/** Reads a JSON answer with its status. */
export async function jsonOf<T>(response: Response): Promise<{ status: number; body: T }> {
  return { status: response.status, body: (await response.json()) as T };
}
