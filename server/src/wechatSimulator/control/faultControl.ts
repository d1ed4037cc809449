import { z } from 'zod';
import type { SimContext } from '../SimContext';
import type { ControlRoute } from './controlRoute';
import { controlRoute } from './controlRoute';

/** A fault as `/__sim/faults` accepts it (see FaultSpec). */
export const faultSchema = z
  .object({
    path: z.string().startsWith('/'),
    errcode: z.number().int().optional(),
    errmsg: z.string().max(200).optional(),
    rate: z.number().gt(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    count: z.number().int().positive().optional(),
    drop: z.boolean().optional(),
    processFirst: z.boolean().optional(),
  })
  .refine((fault) => fault.errcode !== undefined || fault.latencyMs !== undefined || fault.drop === true, {
    message: 'a fault needs errcode, latencyMs or drop',
  });

/** `POST /__sim/faults`, `GET /__sim/faults`, `DELETE /__sim/faults[?path=]`. */
export function faultControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('POST', '/__sim/faults', faultSchema, (body) => ({ status: 201, body: context.faults.add(body) })),
    controlRoute('GET', '/__sim/faults', z.unknown(), () => ({ body: { faults: context.faults.list() } })),
    controlRoute('DELETE', '/__sim/faults', z.unknown(), (_body, query) => {
      context.faults.clear(query.get('path') ?? undefined);
      return { body: { cleared: true } };
    }),
  ];
}
