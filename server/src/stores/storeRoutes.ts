import Router from '@koa/router';
import { z } from 'zod';
import type { StoreDto, StoreListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { isDuplicateKey } from '../db/runInTransaction';
import { staffAuth } from '../staff/staffAuth';
import { Store } from './Store';
import { numericId } from '../app/numericId';

const fields = {
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,32}$/, '门店编码须为 2-32 位字母、数字或 _-'),
  name: z.string().trim().min(1).max(64),
  address: z.string().trim().max(255),
  phone: z.string().trim().max(32),
  openingHours: z.string().trim().max(128),
};
const CreateSchema = z.object({
  body: z.object({ ...fields, address: fields.address.default(''), phone: fields.phone.default(''), openingHours: fields.openingHours.default('') }),
});
const UpdateSchema = z.object({ params: z.object({ id: numericId }), body: z.object(fields).partial() });

/** A store for the console (never its POS key). */
export function presentStore(store: Store): StoreDto {
  return {
    id: store.id,
    code: store.code,
    name: store.name,
    address: store.address,
    phone: store.phone,
    openingHours: store.openingHours,
    pointsPerYuan: store.pointsPerYuan,
    hasPosKey: store.posSecretSealed !== null,
  };
}

const codeTaken = () => errors.conflict('store_code_taken', '这个门店编码已被使用');

/** The brand's stores: every staff member can list them (the till picks one); owners create and edit. */
export function storeRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/stores' });
  const limit = rateLimit({ name: 'admin-stores', points: 60, durationSeconds: 60 });

  router.get('/', limit, staffAuth(null), async (ctx) => {
    const stores = await ctx.system.dataSource.getRepository(Store).find({ order: { id: 'ASC' } });
    ctx.body = { stores: stores.map(presentStore) } satisfies StoreListDto;
  });

  router.post(
    '/',
    limit,
    staffAuth('stores.manage'),
    validate(CreateSchema, async (ctx) => {
      const repository = ctx.system.dataSource.getRepository(Store);
      const store = repository.create({ ...ctx.input.body, pointsPerYuan: null, posSecretSealed: null });
      try {
        await repository.insert(store);
      } catch (error) {
        if (isDuplicateKey(error)) throw codeTaken();
        throw error;
      }
      ctx.status = 201;
      ctx.body = presentStore(await repository.findOneByOrFail({ id: store.id }));
    }),
  );

  router.patch(
    '/:id',
    limit,
    staffAuth('stores.manage'),
    validate(UpdateSchema, async (ctx) => {
      if (Object.keys(ctx.input.body).length === 0) throw errors.badRequest('nothing_to_update', '没有要修改的内容');
      const repository = ctx.system.dataSource.getRepository(Store);
      try {
        const result = await repository.update({ id: ctx.input.params.id }, ctx.input.body);
        if (result.affected !== 1) throw errors.notFound('store_not_found', '找不到这家门店');
      } catch (error) {
        if (isDuplicateKey(error)) throw codeTaken();
        throw error;
      }
      ctx.body = presentStore(await repository.findOneByOrFail({ id: ctx.input.params.id }));
    }),
  );
  return router;
}
