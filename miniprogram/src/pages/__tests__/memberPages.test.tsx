import { act, fireEvent, render, screen } from '@testing-library/react';
import { PointsPage } from '../points/index';
import { RewardsPage } from '../rewards/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { httpAnswer, request, resetStorage, storage } from '../../../test/mocks/taro';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();

/** Answers each request by method and path; anything else is a 500. */
function serve(routes: Record<string, [number, unknown]>) {
  request.mockImplementation((options) => {
    const key = `${options.method ?? 'GET'} ${String(options.url).replace(/^https?:\/\/[^/]+/, '')}`;
    const [status, body] = routes[key] ?? [500, { error: 'internal', message: '服务出错了' }];
    return Promise.resolve(httpAnswer(status, body)) as ReturnType<typeof request>;
  });
}

const expiring = { points: 0, before: FUTURE, earliestAt: null };

beforeEach(() => {
  resetStorage();
  storage.set(SESSION_STORAGE_KEY, { token: 't1', expiresAt: FUTURE });
  process.env.TARO_ENV = 'h5';
});

describe('PointsPage', () => {
  it('shows loading, then the entries with their reasons', async () => {
    serve({
      'GET /api/mp/points/entries': [
        200,
        {
          balance: 120,
          expiringSoon: { points: 20, before: FUTURE, earliestAt: '2026-12-01T00:00:00Z' },
          entries: [
            { id: 'e1', delta: 150, balanceAfter: 150, reason: 'purchase', reasonLabel: '消费积分', refType: null, refId: null, note: null, expiresAt: null, createdAt: '2026-11-20T10:00:00Z' },
            { id: 'e2', delta: -30, balanceAfter: 120, reason: 'redemption', reasonLabel: '积分兑换', refType: null, refId: null, note: null, expiresAt: null, createdAt: '2026-11-21T10:00:00Z' },
          ],
          nextCursor: null,
        },
      ],
    });
    render(<PointsPage />);
    expect(document.getElementById('page-loading')).not.toBeNull();
    await screen.findByText('消费积分');
    expect(screen.getByText('+150')).toBeTruthy();
    expect(screen.getByText('-30')).toBeTruthy();
    expect(document.getElementById('points-expiring')?.textContent).toContain('20 积分将于 2026-12-01');
    expect(request.mock.calls[0][0].header).toEqual(expect.objectContaining({ Authorization: 'Bearer t1' }));
  });

  it('shows the empty state', async () => {
    serve({ 'GET /api/mp/points/entries': [200, { balance: 0, expiringSoon: expiring, entries: [], nextCursor: null }] });
    render(<PointsPage />);
    await screen.findByText('还没有积分记录');
  });

  it('shows the error and retries', async () => {
    serve({});
    render(<PointsPage />);
    await screen.findByText('服务出错了');
    serve({ 'GET /api/mp/points/entries': [200, { balance: 0, expiringSoon: expiring, entries: [], nextCursor: null }] });
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('还没有积分记录');
  });
});

describe('RewardsPage', () => {
  const reward = { id: 'r1', name: '乐高小人仔', description: '', imageUrl: '', pointsPrice: 100, stock: 3, active: true };

  it('redeems a reward with an idempotency key and shows the code', async () => {
    serve({
      'GET /api/mp/rewards': [200, { rewards: [reward] }],
      'GET /api/mp/redemptions': [200, { redemptions: [] }],
      'POST /api/mp/rewards/r1/redemptions': [
        201,
        { id: 'd1', rewardId: 'r1', rewardName: '乐高小人仔', points: 100, code: 'RX42', status: 'pending', createdAt: FUTURE, fulfilledAt: null, balanceAfter: 20 },
      ],
    });
    render(<RewardsPage />);
    await screen.findByText('乐高小人仔');
    await act(async () => {
      fireEvent.click(document.getElementById('redeem-r1') as HTMLElement);
    });
    await screen.findByText('兑换成功，兑换码 RX42');
    expect(screen.getByText('兑换码 RX42')).toBeTruthy();
    expect(screen.getByText('100 积分 · 剩余 2')).toBeTruthy();
    const post = request.mock.calls.find(([options]) => options.method === 'POST');
    expect(post?.[0].data).toEqual({ idempotencyKey: expect.stringMatching(/^mp-/) });
  });

  it('shows the empty state and a refusal message', async () => {
    serve({ 'GET /api/mp/rewards': [200, { rewards: [] }], 'GET /api/mp/redemptions': [200, { redemptions: [] }] });
    render(<RewardsPage />);
    await screen.findByText('暂无可兑换的礼品');
  });

  it('shows the error state', async () => {
    serve({});
    render(<RewardsPage />);
    await screen.findByText('服务出错了');
  });
});
