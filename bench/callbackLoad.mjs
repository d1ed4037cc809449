#!/usr/bin/env node
// Load generator for callback.bench.ts, run as a child process so that its own CPU work
// does not share the event loop of the servers being measured. Reads its settings as
// JSON from argv[2] and prints { rps, p50, p99, bad, sendLagP99? } as JSON on stdout.
// - closed loop (no `rate`): autocannon with `connections` clients sending back to back;
// - open loop (`rate`): Poisson arrivals at `rate` per second, latency measured from each
//   request's scheduled time. autocannon's own rate limit sends each second's quota back
//   to back and then idles, which measures bursts at full load, not the steady rate.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';

const { base, path, connections, seconds, rate, followers } = JSON.parse(process.argv[2]);
let sequence = BigInt(`0x${randomBytes(6).toString('hex')}`) * 4096n;

/** A text push with a new 64-bit MsgId each time, from one of the bound followers. */
function pushBody() {
  sequence += 1n;
  const follower = `bench-oa-f-${Math.floor(Math.random() * followers)}`;
  return (
    `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[${follower}]]></FromUserName>` +
    `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[我的积分]]></Content><MsgId>${sequence}</MsgId></xml>`
  );
}

async function closedLoop() {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', path, headers: { 'content-type': 'text/xml' }, setupRequest: (request) => ({ ...request, body: pushBody() }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad: result.errors + result.timeouts + result.non2xx };
}

function percentile(sorted, share) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function openLoop() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(path, base);
  const latencies = [];
  const sendLags = [];
  let bad = 0;
  let pending = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  let next = started;
  const send = (scheduled) => {
    pending += 1;
    sendLags.push(performance.now() - scheduled);
    const body = pushBody();
    const request = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => {
        if (response.statusCode !== 200) bad += 1;
        latencies.push(performance.now() - scheduled);
        pending -= 1;
      });
    });
    request.on('error', () => {
      bad += 1;
      pending -= 1;
    });
    request.end(body);
  };
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        send(next);
        next += -Math.log(1 - Math.random()) * (1000 / rate);
      }
      if (next < end) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  while (pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  sendLags.sort((a, b) => a - b);
  // How late the generator itself sent (its own CPU starvation shows up here, not in the server).
  const sendLagP99 = percentile(sendLags, 0.99);
  return { rps: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), bad, sendLagP99 };
}

process.stdout.write(JSON.stringify(rate ? await openLoop() : await closedLoop()));
