import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { CardCodeDto, MemberMeDto } from '@toyclub/shared';
import { BRAND_NAME } from '@toyclub/shared';
import { ApiError } from '../api/client';
import { fetchCardCode, formatYuan } from '../api/member';
import { CardQrCode } from './CardQrCode';
import './MemberCardPlaceholder.scss';
import './MemberCard.scss';

/** Shortest wait before fetching the next code, whatever the server says. */
const MIN_REFRESH_SECONDS = 10;

type CodeState = { kind: 'loading' } | { kind: 'ready'; card: CardCodeDto } | { kind: 'error'; message: string };

/** The rotating card code: fetched at once, then again when the server says (about every 60 s). */
function useCardCode(enabled: boolean): CodeState {
  const [state, setState] = useState<CodeState>({ kind: 'loading' });
  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const load = async () => {
      let waitSeconds = MIN_REFRESH_SECONDS;
      try {
        const card = await fetchCardCode();
        if (stopped) return;
        setState({ kind: 'ready', card });
        waitSeconds = Math.max(MIN_REFRESH_SECONDS, card.refreshInSeconds);
      } catch (error) {
        if (stopped) return;
        setState({ kind: 'error', message: error instanceof ApiError ? error.message : '会员码加载失败' });
      }
      timer = setTimeout(() => void load(), waitSeconds * 1000);
    };
    void load();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [enabled]);
  return state;
}

/**
 * The signed-in member's card: tier, points balance, progress to the next tier and the
 * rotating card code the clerk scans. Test hooks: `#member-card`, `#card-code`.
 */
export function MemberCard({ member }: { member: MemberMeDto }) {
  const consented = member.consent.privacyAccepted;
  const code = useCardCode(consented);
  const { tier } = member;
  const percent = Math.max(0, Math.min(100, Math.round(tier.percent)));
  return (
    <View>
      <View id="member-card" className="member-card member-card--live">
        <View className="member-card__bubble member-card__bubble--one" />
        <View className="member-card__bubble member-card__bubble--two" />
        <View className="member-card__top">
          <Text className="member-card__brand">{BRAND_NAME}</Text>
          <Text id="member-card-tier" className="member-card__kind">
            {tier.current.name}
          </Text>
        </View>
        <View className="member-card__points">
          <Text id="member-card-balance" className="member-card__balance">
            {member.pointsBalance}
          </Text>
          <Text className="member-card__unit">积分</Text>
        </View>
        {member.expiringSoon.points > 0 ? (
          <Text className="member-card__expiring">{member.expiringSoon.points} 积分即将过期</Text>
        ) : null}
        <View className="member-card__progress">
          <View className="member-card__bar">
            <View className="member-card__bar-fill" style={{ width: `${percent}%` }} />
          </View>
          <Text id="member-card-progress" className="member-card__progress-text">
            {tier.next ? `再消费 ¥${formatYuan(tier.remainingFen)} 升级${tier.next.name}` : '已是最高等级'}
          </Text>
        </View>
      </View>
      {consented ? (
        <View id="card-code" className="card-code">
          {code.kind === 'loading' ? <Text className="card-code__hint">会员码加载中…</Text> : null}
          {code.kind === 'error' ? <Text className="card-code__error">{code.message}</Text> : null}
          {code.kind === 'ready' ? (
            <View className="card-code__body">
              <CardQrCode code={code.card.code} />
              <Text className="card-code__hint">结账时向店员出示，会员码约每分钟更新</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
