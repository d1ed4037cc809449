import type { System } from '../../system/System';
import { Reward } from '../../rewards/Reward';

/** A fresh active reward. */
export async function createReward(system: System, overrides: { pointsPrice?: number; stock?: number } = {}): Promise<Reward> {
  const repository = system.dataSource.getRepository(Reward);
  const reward = repository.create({
    name: '乐高小人仔',
    description: '随机款',
    imageUrl: '',
    pointsPrice: overrides.pointsPrice ?? 100,
    stock: overrides.stock ?? 10,
    active: true,
  });
  return repository.save(reward);
}
