import { Text, View } from '@tarojs/components';
import type { PointsEntriesPageDto } from '@toyclub/shared';
import { memberRequest } from '../../auth/auth';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import './index.scss';

function loadEntries(): Promise<PointsEntriesPageDto> {
  return memberRequest<PointsEntriesPageDto>('/api/mp/points/entries', { data: { limit: 50 } });
}

/** `2026-11-22T09:00:00Z` → `2026-11-22`. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** 积分明细: balance, points expiring soon and the latest ledger entries. Test hook: `#points-page`. */
export function PointsPage() {
  const { state, reload } = useLoad(loadEntries);
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
        </>
      ) : (
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={reload} />
      )}
    </View>
  );
}

export default PointsPage;
