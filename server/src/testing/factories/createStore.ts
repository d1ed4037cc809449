import { randomBytes } from 'node:crypto';
import type { System } from '../../system/System';
import { Store } from '../../stores/Store';
import { posSecretBox } from '../../pos/posAuth';

/** A fresh store with its own POS key; tests build their own records and never truncate. */
export async function createStore(
  system: System,
  overrides: { pointsPerYuan?: number | null; name?: string } = {},
): Promise<{ store: Store; posSecret: string }> {
  const posSecret = randomBytes(24).toString('base64url');
  const repository = system.dataSource.getRepository(Store);
  const store = repository.create({
    code: `s${randomBytes(6).toString('hex')}`,
    name: overrides.name ?? '测试门店',
    pointsPerYuan: overrides.pointsPerYuan ?? null,
    posSecretSealed: posSecretBox(system.config.security.signingSecret).seal(posSecret),
  });
  await repository.save(store);
  return { store, posSecret };
}
