import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { RedemptionDto, RedemptionListDto, RewardListDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotencyKey';
import { memberRequest } from '../../auth/auth';
import { EmptyState } from '../../components/EmptyState';
import { LoadStatus } from '../../components/LoadStatus';
import { useLoad } from '../../hooks/useLoad';
import './index.scss';

interface RewardsData {
  rewards: RewardListDto['rewards'];
  redemptions: RedemptionDto[];
}

async function loadRewards(): Promise<RewardsData> {
  const [rewards, redemptions] = await Promise.all([
    memberRequest<RewardListDto>('/api/mp/rewards'),
    memberRequest<RedemptionListDto>('/api/mp/redemptions'),
  ]);
  return { rewards: rewards.rewards, redemptions: redemptions.redemptions };
}

const STATUS_TEXT: Record<RedemptionDto['status'], string> = { pending: '待领取', fulfilled: '已领取', cancelled: '已取消' };

/** 积分兑换: the rewards, a 兑换 button each, and the member's redemption codes. Test hook: `#rewards-page`. */
export function RewardsPage() {
  const { state, reload, setState } = useLoad(loadRewards);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const redeem = async (rewardId: string) => {
    setBusyId(rewardId);
    setNotice(null);
    try {
      const redemption = await memberRequest<RedemptionDto>(`/api/mp/rewards/${encodeURIComponent(rewardId)}/redemptions`, {
        method: 'POST',
        data: { idempotencyKey: newIdempotencyKey() },
      });
      setNotice(`兑换成功，兑换码 ${redemption.code}`);
      if (state.kind === 'ready') {
        // The server took one from stock: show it, or the row keeps offering the old count.
        const rewards = state.data.rewards.map((reward) => (reward.id === rewardId ? { ...reward, stock: Math.max(0, reward.stock - 1) } : reward));
        setState({ kind: 'ready', data: { rewards, redemptions: [redemption, ...state.data.redemptions] } });
      }
    } catch (error) {
      setNotice(error instanceof ApiError ? error.message : '兑换失败，请稍后重试');
    } finally {
      setBusyId(null);
    }
  };

  if (state.kind !== 'ready') {
    return (
      <View id="rewards-page" className="page rewards-page">
        <LoadStatus kind={state.kind} message={state.kind === 'error' ? state.message : undefined} onRetry={reload} />
      </View>
    );
  }
  const { rewards, redemptions } = state.data;
  return (
    <View id="rewards-page" className="page rewards-page">
      {notice ? (
        <Text id="rewards-notice" className="list-header">
          {notice}
        </Text>
      ) : null}
      {rewards.length === 0 ? (
        <EmptyState id="rewards-empty" title="暂无可兑换的礼品" description="新礼品上架后会显示在这里" />
      ) : (
        rewards.map((reward) => (
          <View key={reward.id} className="list-item reward">
            <View className="list-item__main">
              <Text className="list-item__title">{reward.name}</Text>
              <Text className="list-item__sub">
                {reward.pointsPrice} 积分 · {reward.stock > 0 ? `剩余 ${reward.stock}` : '已兑完'}
              </Text>
            </View>
            <Button
              id={`redeem-${reward.id}`}
              className="rewards-page__button"
              size="mini"
              disabled={reward.stock <= 0 || busyId !== null}
              loading={busyId === reward.id}
              onClick={() => void redeem(reward.id)}
            >
              兑换
            </Button>
          </View>
        ))
      )}
      {redemptions.length > 0 ? <Text className="list-header">我的兑换码</Text> : null}
      {redemptions.map((redemption) => (
        <View key={redemption.id} className="list-item redemption">
          <View className="list-item__main">
            <Text className="list-item__title">{redemption.rewardName}</Text>
            <Text className="list-item__sub">兑换码 {redemption.code}</Text>
          </View>
          <Text className="list-item__value">{STATUS_TEXT[redemption.status]}</Text>
        </View>
      ))}
    </View>
  );
}

export default RewardsPage;
