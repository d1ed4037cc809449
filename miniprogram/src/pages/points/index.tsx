import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { PointsEntriesPageDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { memberRequest } from '../../auth/auth';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import './index.scss';

const PAGE_SIZE = 50;

/** One page of the ledger, newest first; `before` is the previous page's `nextCursor` (keyset paging). */
function loadEntries(before?: string): Promise<PointsEntriesPageDto> {
  return memberRequest<PointsEntriesPageDto>('/api/mp/points/entries', { data: { limit: PAGE_SIZE, ...(before ? { before } : {}) } });
}

/** `2026-11-22T09:00:00Z` → `2026-11-22`. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * 积分明细: balance, points expiring soon and the ledger, 50 entries at a time with 加载更多
 * for older ones. Test hooks: `#points-page`, `#points-more`, `#points-more-error`.
 */
export function PointsPage() {
  const { state, reload, setState } = useLoad(() => loadEntries());
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const loadMore = async (loaded: PointsEntriesPageDto) => {
    if (!loaded.nextCursor) return;
    setMore({ busy: true, error: null });
    try {
      const older = await loadEntries(loaded.nextCursor);
      // Balance and expiry come from the newest answer; entries only ever grow at the end.
      setState({ kind: 'ready', data: { ...older, entries: [...loaded.entries, ...older.entries] } });
      setMore({ busy: false, error: null });
    } catch (error) {
      setMore({ busy: false, error: error instanceof ApiError ? error.message : '加载失败，请稍后重试' });
    }
  };

  return (
    <View id="points-page" className="page points-page">
      {state.kind === 'ready' ? (
        <>
          <View className="list-header">
            <Text id="points-balance">当前积分 {state.data.balance}</Text>
            {state.data.expiringSoon.points > 0 ? (
              <Text id="points-expiring">
                {' '}
                · {state.data.expiringSoon.points} 积分将于 {day(state.data.expiringSoon.earliestAt ?? state.data.expiringSoon.before)} 起过期
              </Text>
            ) : null}
          </View>
          {state.data.entries.length === 0 ? (
            <EmptyState id="points-empty" title="还没有积分记录" description="到店消费或签到即可获得积分" />
          ) : (
            state.data.entries.map((entry) => (
              <View key={entry.id} className="list-item points-entry">
                <View className="list-item__main">
                  <Text className="list-item__title">{entry.reasonLabel}</Text>
                  <Text className="list-item__sub">
                    {day(entry.createdAt)}
                    {entry.note ? ` · ${entry.note}` : ''}
                  </Text>
                </View>
                <Text className={`list-item__value${entry.delta < 0 ? ' list-item__value--minus' : ''}`}>
                  {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                </Text>
              </View>
            ))
          )}
          {more.error ? (
            <Text id="points-more-error" className="points-page__more-error">
              {more.error}
            </Text>
          ) : null}
          {state.data.nextCursor ? (
            <Button id="points-more" className="points-page__more" disabled={more.busy} onClick={() => void loadMore(state.data)}>
              {more.busy ? '加载中…' : '加载更多'}
            </Button>
          ) : state.data.entries.length > PAGE_SIZE ? (
            <Text className="points-page__end">没有更早的记录了</Text>
          ) : null}
        </>
      ) : (
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={reload} />
      )}
    </View>
  );
}

export default PointsPage;
