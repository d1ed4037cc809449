import { useRef, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { PurchaseDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { recordPurchase } from '../../api/staff';
import { ItemLines } from './ItemLines';
import type { PurchaseDraft } from './purchaseDraft';
import { checkPurchase } from './purchaseDraft';
import { PurchaseResult } from './PurchaseResult';

const EMPTY_DRAFT: PurchaseDraft = { amount: '', items: [] };

/**
 * 记录消费: the total in yuan, optional item lines, and 提交. One idempotency key per
 * purchase, made on the first 提交 and resent on every retry (a lost answer must not
 * credit twice); a new card code or 下一单 starts a new key. No `loading` on 提交: Taro H5's
 * button re-renders its spinner after React has already swapped the form for the result.
 * Staff tied to no store (owners, managers) are asked for the store once the server says so. Test hooks: `#purchase-amount`,
 * `#purchase-submit`, `#purchase-error`, `#purchase-next`.
 */
export function PurchaseForm({ cardCode, onNext }: { cardCode: string | null; onNext: () => void }) {
  const [draft, setDraft] = useState<PurchaseDraft>(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PurchaseDto | null>(null);
  const pending = useRef<{ key: string; cardCode: string | null } | null>(null);
  // Owners and managers belong to no one store; the server then asks which (store_required).
  const [storeId, setStoreId] = useState<string | null>(null);

  const submit = async () => {
    const checked = checkPurchase(draft, cardCode);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    if (storeId !== null && !/^\d{1,20}$/.test(storeId.trim())) {
      setError('请输入门店编号（数字）');
      return;
    }
    if (pending.current?.cardCode !== cardCode) pending.current = { key: newIdempotencyKey(), cardCode };
    const { key } = pending.current;
    setBusy(true);
    setError(null);
    try {
      setResult(await recordPurchase({ ...checked.request, idempotencyKey: key, ...(storeId !== null ? { storeId: storeId.trim() } : {}) }));
      pending.current = null;
    } catch (caught) {
      if (caught instanceof ApiError && (caught.code === 'store_required' || caught.code === 'store_not_found')) setStoreId((value) => value ?? '');
      setError(caught instanceof ApiError ? caught.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    setDraft(EMPTY_DRAFT);
    setResult(null);
    setError(null);
    onNext();
  };

  if (result) {
    return (
      <View className="staff-page__panel">
        <PurchaseResult purchase={result} />
        <Button id="purchase-next" className="staff-page__button" onClick={next}>
          下一单
        </Button>
      </View>
    );
  }
  return (
    <View id="staff-purchase" className="staff-page__panel">
      <Text className="staff-page__title">记录消费</Text>
      <Text className="staff-page__label">消费金额（元）</Text>
      <Input id="purchase-amount" className="staff-page__input" type="digit" placeholder="例如 199.90" value={draft.amount} onInput={(event) => setDraft({ ...draft, amount: event.detail.value })} />
      {storeId !== null ? (
        <>
          <Text className="staff-page__label">门店编号（店主、店长须指定门店）</Text>
          <Input id="purchase-store" className="staff-page__input" type="number" placeholder="门店编号" value={storeId} onInput={(event) => setStoreId(event.detail.value)} />
        </>
      ) : null}
      <ItemLines items={draft.items} onChange={(items) => setDraft({ ...draft, items })} />
      {error ? (
        <Text id="purchase-error" className="staff-page__error">
          {error}
        </Text>
      ) : null}
      <Button id="purchase-submit" className="staff-page__button" disabled={busy} onClick={() => void submit()}>
        {busy ? '提交中…' : cardCode ? '提交消费' : '提交（非会员，生成小票积分码）'}
      </Button>
    </View>
  );
}
