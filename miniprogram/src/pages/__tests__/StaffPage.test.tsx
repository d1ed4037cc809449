import { render, screen } from '@testing-library/react';
import type { PurchaseDto } from '@toyclub/shared';
import { StaffPage } from '../staff/index';
import { networkFailure, request } from '../../../test/mocks/taro';
import { memberMe } from '../../../test/memberFixtures';
import { callsTo, serveRoutes } from '../../../test/serveRoutes';
import { startSignedIn, tap, typeInto } from '../../../test/pageActions';

const CARD_CODE = 'm2s.1kq9x0m.AbC-dE_f.0123456789abcdefghijkl';
const SCANNED = { memberId: '7', nickname: '小明妈妈', maskedPhone: '138****1234', tierCode: 'silver', tierName: '银卡', pointsBalance: 120 };

function purchase(overrides: Partial<PurchaseDto> = {}): PurchaseDto {
  return {
    id: '11', storeId: '1', memberId: '7', amountFen: 1230, refundedFen: 0, pointsEarned: 14, pointsReversed: 0, tierCode: 'silver',
    multiplierPercent: 120, purchasedAt: new Date().toISOString(), balanceAfter: 134, receiptCode: null, tierUpgradedTo: null, ...overrides,
  };
}

beforeEach(() => startSignedIn('h5'));

describe('StaffPage', () => {
  it('offers the binding form to a member who is not staff, then opens the till', async () => {
    let bound = false;
    serveRoutes({
      'GET /api/mp/me': () => memberMe({ staffRole: bound ? 'clerk' : null }),
      'POST /api/mp/staff/binding': () => {
        bound = true;
        return { id: '3', username: 'clerk1', displayName: '小王', role: 'clerk', storeId: '1', active: true, boundToMiniProgram: true, permissions: [] };
      },
    });
    render(<StaffPage />);
    await screen.findByText('绑定店员账号');
    typeInto('binding-input', ' ab12cd34 ');
    await tap('binding-submit');
    await screen.findByText('当前身份：店员');
    expect(callsTo('POST /api/mp/staff/binding')[0]?.data).toEqual({ code: 'ab12cd34' });
    expect(document.getElementById('staff-binding')).toBeNull();
  });

  it('shows why a binding code is refused', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe(),
      'POST /api/mp/staff/binding': { status: 400, body: { error: 'binding_code_invalid', message: '绑定码无效、已过期或已使用' } },
    });
    render(<StaffPage />);
    await screen.findByText('绑定店员账号');
    typeInto('binding-input', 'WRONG123');
    await tap('binding-submit');
    expect(document.getElementById('staff-binding-error')?.textContent).toBe('绑定码无效、已过期或已使用');
  });

  it('scans a card, shows the member masked and records the purchase in integer fen with items', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe({ staffRole: 'clerk' }), 'POST /api/mp/staff/card-scans': SCANNED, 'POST /api/mp/staff/purchases': purchase() });
    render(<StaffPage />);
    await screen.findByText('当前身份：店员');
    typeInto('card-input', CARD_CODE);
    await tap('card-submit');
    expect(document.getElementById('staff-member')?.textContent).toContain('138****1234 · 银卡 · 120 积分');
    typeInto('purchase-amount', '12.30');
    await tap('item-add');
    typeInto('item-0-name', '磁力片');
    typeInto('item-0-amount', '10.1');
    await tap('item-0-building_blocks');
    await tap('purchase-submit');
    await screen.findByText('会员获得 14 积分，当前积分 134');
    await tap('purchase-next');
    expect(document.getElementById('staff-member')).toBeNull();
    expect((document.getElementById('card-input') as HTMLInputElement).value).toBe('');
    const body = callsTo('POST /api/mp/staff/purchases')[0]?.data as Record<string, unknown>;
    expect(body).toEqual({
      amountFen: 1230,
      cardCode: CARD_CODE,
      items: [{ name: '磁力片', category: 'building_blocks', quantity: 1, amountFen: 1010 }],
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9._:-]{8,64}$/),
    });
  });

  it('resends the same idempotency key when retrying after a lost answer, and a new one for the next purchase', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe({ staffRole: 'clerk' }), 'POST /api/mp/staff/purchases': purchase({ memberId: null, balanceAfter: null }) });
    render(<StaffPage />);
    await screen.findByText('当前身份：店员');
    typeInto('purchase-amount', '12.3');
    request.mockRejectedValueOnce(networkFailure());
    await tap('purchase-submit');
    expect(document.getElementById('purchase-error')?.textContent).toBe('网络连接失败，请检查网络后重试');
    await tap('purchase-submit');
    await screen.findByText('已记录消费 ¥12.30');
    await tap('purchase-next');
    typeInto('purchase-amount', '5');
    await tap('purchase-submit');
    await screen.findByText('已记录消费 ¥12.30');
    const keys = callsTo('POST /api/mp/staff/purchases').map((options) => (options.data as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('refuses a bad amount without calling the server', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe({ staffRole: 'clerk' }) });
    render(<StaffPage />);
    await screen.findByText('当前身份：店员');
    typeInto('purchase-amount', '12.345');
    await tap('purchase-submit');
    expect(document.getElementById('purchase-error')?.textContent).toBe('请输入正确的消费金额（元，最多两位小数）');
    expect(callsTo('POST /api/mp/staff/purchases')).toHaveLength(0);
  });

  it('shows the receipt claim code for a customer without a card', async () => {
    const receiptCode = { code: 'ABCDEFGH23', scene: 'rABCDEFGH23', expiresAt: '2026-12-31T00:00:00.000Z' };
    serveRoutes({ 'GET /api/mp/me': memberMe({ staffRole: 'manager' }), 'POST /api/mp/staff/purchases': purchase({ memberId: null, pointsEarned: 0, balanceAfter: null, receiptCode }) });
    render(<StaffPage />);
    await screen.findByText('当前身份：店长');
    typeInto('purchase-amount', '88');
    await tap('purchase-submit');
    expect(document.getElementById('purchase-receipt')).not.toBeNull();
    expect(document.getElementById('card-code-text')?.textContent).toBe('rABCDEFGH23');
    expect(document.getElementById('purchase-points')).toBeNull();
    expect(callsTo('POST /api/mp/staff/purchases')[0]?.data).not.toHaveProperty('cardCode');
  });

  it('asks an owner without a store for the store, then sends it', async () => {
    let calls = 0;
    serveRoutes({
      'GET /api/mp/me': memberMe({ staffRole: 'owner' }),
      'POST /api/mp/staff/purchases': () => {
        calls += 1;
        return calls === 1 ? { status: 400, body: { error: 'store_required', message: '请选择门店' } } : purchase({ memberId: null, balanceAfter: null });
      },
    });
    render(<StaffPage />);
    await screen.findByText('当前身份：店主');
    expect(document.getElementById('purchase-store')).toBeNull();
    typeInto('purchase-amount', '12.3');
    await tap('purchase-submit');
    expect(document.getElementById('purchase-error')?.textContent).toBe('请选择门店');
    typeInto('purchase-store', 'x');
    await tap('purchase-submit');
    expect(document.getElementById('purchase-error')?.textContent).toBe('请输入门店编号（数字）');
    typeInto('purchase-store', '42');
    await tap('purchase-submit');
    await screen.findByText('已记录消费 ¥12.30');
    const bodies = callsTo('POST /api/mp/staff/purchases').map((options) => options.data as { storeId?: string; idempotencyKey: string });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.storeId).toBeUndefined();
    expect(bodies[1]?.storeId).toBe('42');
  });

  it('shows why a card code is refused', async () => {
    serveRoutes({
      'GET /api/mp/me': memberMe({ staffRole: 'clerk' }),
      'POST /api/mp/staff/card-scans': { status: 410, body: { error: 'card_code_expired', message: '会员码已过期，请让会员刷新后重新出示' } },
    });
    render(<StaffPage />);
    await screen.findByText('当前身份：店员');
    typeInto('card-input', CARD_CODE);
    await tap('card-submit');
    expect(document.getElementById('card-scan-error')?.textContent).toBe('会员码已过期，请让会员刷新后重新出示');
    expect(document.getElementById('staff-member')).toBeNull();
  });

  it('fulfils a redemption by its code, and says when it was already fulfilled', async () => {
    const redemption = { id: '5', rewardId: '2', rewardName: '乐高小人仔', points: 300, code: 'RD8K2M', status: 'fulfilled', createdAt: '', fulfilledAt: '', balanceAfter: null };
    serveRoutes({ 'GET /api/mp/me': memberMe({ staffRole: 'clerk' }), 'POST /api/mp/staff/redemptions/fulfil': redemption });
    render(<StaffPage />);
    await screen.findByText('当前身份：店员');
    typeInto('fulfil-input', 'RD8K2M');
    await tap('fulfil-submit');
    expect(document.getElementById('fulfil-result')?.textContent).toBe('已核销：乐高小人仔（300 积分）');
    expect(callsTo('POST /api/mp/staff/redemptions/fulfil')[0]?.data).toEqual({ code: 'RD8K2M' });
    serveRoutes({ 'POST /api/mp/staff/redemptions/fulfil': { status: 409, body: { error: 'redemption_already_fulfilled', message: '这个兑换码已核销' } } });
    await tap('fulfil-submit');
    expect(document.getElementById('fulfil-error')?.textContent).toBe('这个兑换码已核销');
  });
});
