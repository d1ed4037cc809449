import { randomBytes } from 'node:crypto';
import type { PurchaseDto, PurchaseItemInput, RefundDto, TagRule } from '@toyclub/shared';
import { issueCardCode } from '../cards/cardCodes';
import type { System } from '../system/System';
import { createMember } from './factories/createMember';
import { createStore } from './factories/createStore';
import { jsonOf, posPost } from './factories/posClient';
import { MemberTag } from '../tags/MemberTag';
import { Tag } from '../tags/Tag';

/** A purchase as a test describes it. */
export interface TestPurchase {
  amountFen: number;
  discountFen?: number;
  items?: PurchaseItemInput[];
}

/** A store's POS for one test: purchases and refunds for members through the real routes. */
export async function testTill(system: System, baseUrl: string) {
  const { store, posSecret } = await createStore(system);
  const post = (path: string, body: unknown) => posPost(baseUrl, store, posSecret, path, body);
  const key = () => `tag-${randomBytes(8).toString('hex')}`;
  return {
    async buy(memberId: string, purchase: TestPurchase): Promise<PurchaseDto> {
      const cardCode = issueCardCode(system, memberId, new Date()).code;
      const answer = await jsonOf<PurchaseDto>(await post('/api/pos/purchases', { cardCode, idempotencyKey: key(), ...purchase }));
      if (answer.status !== 200) throw new Error(`purchase failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    async refund(purchaseId: string): Promise<RefundDto> {
      const answer = await jsonOf<RefundDto>(await post('/api/pos/refunds', { purchaseId, idempotencyKey: key() }));
      if (answer.status !== 200) throw new Error(`refund failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
  };
}

/** One line in a category. */
export function line(category: PurchaseItemInput['category'], amountFen = 5000): PurchaseItemInput {
  return { name: '测试玩具', category, quantity: 1, amountFen };
}

/** A fresh dynamic (or manual) tag with a unique name. */
export async function createTag(system: System, options: { rule?: TagRule; mirrorToWechat?: boolean; kind?: 'manual' | 'dynamic' } = {}): Promise<Tag> {
  const repository = system.dataSource.getRepository(Tag);
  const kind = options.kind ?? (options.rule ? 'dynamic' : 'manual');
  return repository.save(
    repository.create({ name: `t${randomBytes(6).toString('hex')}`, kind, rule: options.rule ?? null, mirrorToWechat: options.mirrorToWechat ?? false, wechatTagId: null }),
  );
}

/** The built-in tag of that name (seeded by migration). */
export function builtInTag(system: System, name: '母婴潜在客户' | '价格敏感'): Promise<Tag> {
  return system.dataSource.getRepository(Tag).findOneByOrFail({ name });
}

/** The member's tags by id, with their source. */
export async function tagsOf(system: System, memberId: string): Promise<Record<string, string>> {
  const rows = await system.dataSource.getRepository(MemberTag).findBy({ memberId });
  return Object.fromEntries(rows.map((row) => [row.tagId, row.source]));
}

/** A fresh member id. */
export async function newMemberId(system: System): Promise<string> {
  return (await createMember(system)).member.id;
}
