import type { PurchaseItemInput, PurchaseRequest, ToyCategory } from '@toyclub/shared';
import { parseYuan } from '../../money/parseYuan';

/** One item line as typed: text fields, checked only on submit. */
export interface ItemDraft {
  name: string;
  category: ToyCategory | null;
  quantity: string;
  /** The line's total in yuan. */
  amount: string;
}

/** The purchase form as typed. */
export interface PurchaseDraft {
  /** The total in yuan. */
  amount: string;
  items: ItemDraft[];
}

/** An empty item line. */
export function emptyItem(): ItemDraft {
  return { name: '', category: null, quantity: '1', amount: '' };
}

/** The checked request, or the first problem in Chinese. */
export type PurchaseCheck = { ok: true; request: Omit<PurchaseRequest, 'idempotencyKey'> } | { ok: false; message: string };

function checkItem(item: ItemDraft, index: number): PurchaseItemInput | string {
  const label = `第 ${index + 1} 件商品`;
  const name = item.name.trim();
  if (name === '' || name.length > 64) return `${label}：请填写名称（64 字以内）`;
  if (!/^\d{1,5}$/.test(item.quantity.trim()) || Number(item.quantity) < 1 || Number(item.quantity) > 10000) {
    return `${label}：数量须为 1-10000 的整数`;
  }
  const amountFen = parseYuan(item.amount);
  if (amountFen === null) return `${label}：请输入正确的金额（最多两位小数）`;
  return { name, quantity: Number(item.quantity), amountFen, ...(item.category ? { category: item.category } : {}) };
}

/**
 * Checks the typed purchase and turns it into the request body: yuan to integer fen, item
 * lines not adding up to more than the total, and the card code when a member was scanned.
 */
export function checkPurchase(draft: PurchaseDraft, cardCode: string | null): PurchaseCheck {
  const amountFen = parseYuan(draft.amount);
  if (amountFen === null) return { ok: false, message: '请输入正确的消费金额（元，最多两位小数）' };
  if (amountFen === 0) return { ok: false, message: '消费金额须大于 0' };
  const items: PurchaseItemInput[] = [];
  for (const [index, item] of draft.items.entries()) {
    const checked = checkItem(item, index);
    if (typeof checked === 'string') return { ok: false, message: checked };
    items.push(checked);
  }
  if (items.reduce((sum, item) => sum + item.amountFen, 0) > amountFen) return { ok: false, message: '商品金额合计不能超过消费金额' };
  return {
    ok: true,
    request: { amountFen, ...(items.length > 0 ? { items } : {}), ...(cardCode ? { cardCode } : {}) },
  };
}
