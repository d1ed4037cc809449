import { checkPurchase, emptyItem } from '../purchaseDraft';

describe('checkPurchase', () => {
  it('turns yuan into integer fen and keeps the card code', () => {
    const checked = checkPurchase(
      { amount: '100.15', items: [{ name: ' 积木城堡 ', category: 'building_blocks', quantity: '2', amount: '80.10' }, { ...emptyItem(), name: '贴纸', amount: '0.05' }] },
      'm1.code',
    );
    expect(checked).toEqual({
      ok: true,
      request: {
        amountFen: 10015,
        cardCode: 'm1.code',
        items: [
          { name: '积木城堡', category: 'building_blocks', quantity: 2, amountFen: 8010 },
          { name: '贴纸', quantity: 1, amountFen: 5 },
        ],
      },
    });
  });

  it('sends no card code and no items when there are none', () => {
    expect(checkPurchase({ amount: '9.9', items: [] }, null)).toEqual({ ok: true, request: { amountFen: 990 } });
  });

  it.each([
    [{ amount: '', items: [] }, '请输入正确的消费金额（元，最多两位小数）'],
    [{ amount: '1.234', items: [] }, '请输入正确的消费金额（元，最多两位小数）'],
    [{ amount: '0', items: [] }, '消费金额须大于 0'],
    [{ amount: '10', items: [{ ...emptyItem(), amount: '1' }] }, '第 1 件商品：请填写名称（64 字以内）'],
    [{ amount: '10', items: [{ ...emptyItem(), name: 'a', quantity: '0', amount: '1' }] }, '第 1 件商品：数量须为 1-10000 的整数'],
    [{ amount: '10', items: [{ ...emptyItem(), name: 'a', quantity: '1.5', amount: '1' }] }, '第 1 件商品：数量须为 1-10000 的整数'],
    [{ amount: '10', items: [{ ...emptyItem(), name: 'a', amount: 'x' }] }, '第 1 件商品：请输入正确的金额（最多两位小数）'],
    [{ amount: '10', items: [{ ...emptyItem(), name: 'a', amount: '6' }, { ...emptyItem(), name: 'b', amount: '4.01' }] }, '商品金额合计不能超过消费金额'],
  ])('refuses %j with a Chinese reason', (draft, message) => {
    expect(checkPurchase(draft, null)).toEqual({ ok: false, message });
  });
});
