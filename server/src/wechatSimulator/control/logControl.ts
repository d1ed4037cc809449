import { z } from 'zod';
import type { SimContext } from '../SimContext';
import type { ControlRoute } from './controlRoute';
import { controlRoute } from './controlRoute';

/**
 * What the simulator saw and did: `GET|DELETE /__sim/calls[?path=]` (API calls with body and
 * answer, in order), `GET|DELETE /__sim/pushes` (deliveries to our server) and
 * `GET /__sim/inbox[?openid=]` (messages users received) and `GET /__sim/mass` (mass-send jobs
 * with their counts).
 */
export function logControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('GET', '/__sim/calls', z.unknown(), (_body, query) => ({
      body: { calls: context.calls.list(query.get('path') ?? undefined) },
    })),
    controlRoute('DELETE', '/__sim/calls', z.unknown(), () => {
      context.calls.clear();
      return { body: { cleared: true } };
    }),
    controlRoute('GET', '/__sim/pushes', z.unknown(), (_body, query) => {
      const event = query.get('event');
      const pushes = context.push.list().filter((push) => !event || push.fields.Event === event);
      return { body: { pushes } };
    }),
    controlRoute('DELETE', '/__sim/pushes', z.unknown(), () => {
      context.push.clear();
      return { body: { cleared: true } };
    }),
    controlRoute('GET', '/__sim/mass', z.unknown(), () => ({ body: { jobs: context.mass.list() } })),
    controlRoute('GET', '/__sim/inbox', z.unknown(), (_body, query) => ({
      body: { messages: context.inbox.list(query.get('openid') ?? undefined) },
    })),
  ];
}
