import { act, fireEvent, render, screen } from '@testing-library/react';
import type { PointsEntryDto } from '@toyclub/shared';
import { PointsPage } from '../points/index';
import { httpAnswer, networkFailure, request } from '../../../test/mocks/taro';
import { VALID_SESSION } from '../../../test/memberFixtures';
import { startSignedIn } from '../../../test/pageActions';

const EXPIRING = { points: 0, before: VALID_SESSION.expiresAt, earliestAt: null };

function entry(id: number): PointsEntryDto {
  return { id: String(id), delta: id, balanceAfter: 0, reason: 'purchase', reasonLabel: `消费积分 ${id}`, refType: null, refId: null, note: null, expiresAt: null, createdAt: '2026-11-20T10:00:00Z' };
}

/** Newest first: ids 120 … 1, in pages of 50 cut at `before`. */
function ledgerPage(before: string | undefined) {
  const start = before ? Number(before) - 1 : 120;
  const ids = Array.from({ length: Math.min(50, start) }, (_, index) => start - index);
  const last = ids[ids.length - 1] ?? 0;
  return { balance: 7260, expiringSoon: EXPIRING, entries: ids.map(entry), nextCursor: last > 1 ? String(last) : null };
}

async function tapMore() {
  await act(async () => {
    fireEvent.click(document.getElementById('points-more') as HTMLElement);
  });
}

beforeEach(() => {
  startSignedIn('h5');
  request.mockImplementation((options) => {
    const data = options.data as { before?: string; limit: number };
    return Promise.resolve(httpAnswer(200, ledgerPage(data.before))) as ReturnType<typeof request>;
  });
});

describe('PointsPage paging', () => {
  it('loads older entries with the keyset cursor until the end', async () => {
    render(<PointsPage />);
    await screen.findByText('消费积分 120');
    expect(document.querySelectorAll('.points-entry')).toHaveLength(50);
    await tapMore();
    expect(request.mock.calls[1]?.[0].data).toEqual({ limit: 50, before: '71' });
    expect(document.querySelectorAll('.points-entry')).toHaveLength(100);
    await tapMore();
    expect(request.mock.calls[2]?.[0].data).toEqual({ limit: 50, before: '21' });
    const ids = Array.from(document.querySelectorAll('.points-entry .list-item__title')).map((node) => node.textContent);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect(ids[119]).toBe('消费积分 1');
    expect(document.getElementById('points-more')).toBeNull();
    expect(screen.getByText('没有更早的记录了')).toBeTruthy();
  });

  it('keeps what it has and says why when a page fails', async () => {
    render(<PointsPage />);
    await screen.findByText('消费积分 120');
    request.mockRejectedValueOnce(networkFailure());
    await tapMore();
    expect(document.getElementById('points-more-error')?.textContent).toBe('网络连接失败，请检查网络后重试');
    expect(document.querySelectorAll('.points-entry')).toHaveLength(50);
    await tapMore();
    expect(document.querySelectorAll('.points-entry')).toHaveLength(100);
    expect(document.getElementById('points-more-error')).toBeNull();
  });
});
