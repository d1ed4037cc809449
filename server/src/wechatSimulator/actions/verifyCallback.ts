import http from 'node:http';
import https from 'node:https';
import { randomBytes, randomInt } from 'node:crypto';
import { wechatSignature } from '../../wechat/crypto';
import type { SimContext } from '../SimContext';

/** How our server answered WeChat's URL verification. */
export interface CallbackVerification {
  ok: boolean;
  status?: number;
  body?: string;
  echostr: string;
  error?: string;
}

/**
 * What WeChat does when the URL is saved in the console: `GET ?signature&timestamp&nonce&echostr`;
 * the server passes by echoing `echostr` verbatim.
 */
export function verifyCallback(context: SimContext, url: string): Promise<CallbackVerification> {
  const timestamp = String(context.clock.nowSeconds());
  const nonce = String(randomInt(100_000_000, 2_000_000_000));
  const echostr = String(BigInt(`0x${randomBytes(8).toString('hex')}`));
  const target = new URL(url);
  target.searchParams.set('signature', wechatSignature(context.apps.oa.token, timestamp, nonce));
  target.searchParams.set('timestamp', timestamp);
  target.searchParams.set('nonce', nonce);
  target.searchParams.set('echostr', echostr);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.get(target, { agent: false, timeout: context.settings.retryDelayMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ ok: response.statusCode === 200 && body === echostr, status: response.statusCode, body, echostr });
      });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ ok: false, echostr, error: error.message }));
  });
}
