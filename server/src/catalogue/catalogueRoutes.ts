import Router from '@koa/router';
import getRawBody from 'raw-body';
import { MoreThan } from 'typeorm';
import { z } from 'zod';
import type { CatalogueImportReportDto, ToyPageDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { ownerOrManager, recordAdminAction } from '../officialAccount/admin/adminAccess';
import { invalidateCatalogueIndex } from './catalogueCache';
import { importCatalogue } from './importCatalogue';
import { presentToy } from './presentToy';
import { Toy } from './Toy';

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const ImportSchema = z.object({
  query: z.object({
    skipErrors: flag.default(false),
    encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
  }),
});

const ListSchema = z.object({
  query: z.object({
    after: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
});

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'];

/**
 * The toy catalogue for owners and managers: `POST /api/admin/catalogue/import` takes the
 * POS's CSV as the raw request body (UTF-8 or GBK) and reports every rejected row;
 * `GET /api/admin/catalogue/toys` pages through the toys by sku.
 */
export function catalogueRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/catalogue' });

  router.post(
    '/import',
    rateLimit({ name: 'catalogue-import', points: 20, durationSeconds: 60 }),
    ...ownerOrManager(),
    validate(ImportSchema, async (ctx) => {
      if (!CSV_TYPES.includes(ctx.request.type)) throw errors.unsupportedMediaType();
      const { catalogue } = ctx.system.config;
      let bytes: Buffer;
      try {
        bytes = await getRawBody(ctx.req, { length: ctx.request.length, limit: catalogue.maxImportBytes });
      } catch (error) {
        if ((error as { status?: number }).status === 413) throw errors.payloadTooLarge();
        throw errors.badRequest('invalid_body', '上传的文件读取失败');
      }
      const { dataSource } = ctx.system;
      const report = await importCatalogue(dataSource, bytes, { ...ctx.input.query, maxRows: catalogue.maxImportRows });
      if (report.imported) {
        invalidateCatalogueIndex(dataSource);
        await recordAdminAction(dataSource, ctx, 'catalogue.import', `created ${report.created}, updated ${report.updated}, rejected ${report.rejected.length}`);
      }
      ctx.status = report.imported ? 200 : 422;
      ctx.body = report satisfies CatalogueImportReportDto;
    }),
  );

  router.get(
    '/toys',
    rateLimit({ name: 'catalogue-read', points: 120, durationSeconds: 60 }),
    ...ownerOrManager(),
    validate(ListSchema, async (ctx) => {
      const { after, limit } = ctx.input.query;
      const toys = await ctx.system.dataSource.getRepository(Toy).find({
        where: after ? { sku: MoreThan(after) } : {},
        order: { sku: 'ASC' },
        take: limit + 1,
      });
      const page = toys.slice(0, limit);
      const body: ToyPageDto = { toys: page.map(presentToy), nextCursor: toys.length > limit ? page[page.length - 1]!.sku : null };
      ctx.body = body;
    }),
  );
  return router;
}
