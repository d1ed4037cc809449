import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PhoneNumberButton } from '../../components/PhoneNumberButton';
import { useMember } from '../../hooks/useMember';
import { useRefreshOnShow } from '../../hooks/useRefreshOnShow';
import './index.scss';

/** 店员模式 (staff subpackage), also where a staff account is bound. */
const STAFF_PAGE_URL = '/pages/staff/index';

/** One entry of the 我的 list; the pages behind them come with later features. */
export interface MineLink {
  key: string;
  title: string;
  description: string;
}

/** The entries of the 我的 page, in display order. */
export const MINE_LINKS: readonly MineLink[] = [
  { key: 'card', title: '我的会员卡', description: '会员信息与权益' },
  { key: 'votes', title: '我的投票', description: '参与过的投票' },
  { key: 'corner', title: '我的玩具角', description: '我分享的照片' },
  { key: 'store', title: '门店信息', description: '地址与营业时间' },
];

/**
 * 我的: the member's own corner. Signed out it shows a guest header; signed in, the
 * member's name, tier and points, and for staff the way into 店员模式 (others get a small
 * link to bind a staff account). The other places open later, each marked 敬请期待.
 * Test hooks: `#mine-page`, `#mine-staff`, `#mine-staff-bind`.
 */
export function MinePage() {
  const { state, update } = useMember();
  // A tab stays mounted: sign-in on 会员卡 or a new staff binding shows on the next visit.
  useRefreshOnShow(update);
  const member = state.kind === 'ready' ? state.member : null;
  return (
    <View id="mine-page" className="page mine-page">
      <View className="mine-page__profile">
        <View className="mine-page__avatar">
          <View className="mine-page__avatar-head" />
          <View className="mine-page__avatar-body" />
        </View>
        <View className="mine-page__who">
          <Text className="mine-page__name">{member ? (member.nickname ?? '会员') : state.kind === 'loading' ? '加载中…' : '未登录'}</Text>
          <Text className="mine-page__hint">
            {member ? [member.tier.current.name, `${member.pointsBalance} 积分`, member.maskedPhone].filter(Boolean).join(' · ') : state.kind === 'error' ? state.message : '登录后查看你的会员信息'}
          </Text>
        </View>
      </View>
      {member ? <PhoneNumberButton member={member} onBound={update} /> : null}
      {member?.staffRole ? (
        <View id="mine-staff" className="mine-page__links mine-page__staff" onClick={() => void Taro.navigateTo({ url: STAFF_PAGE_URL })}>
          <View className="mine-page__link">
            <View className="mine-page__link-text">
              <Text className="mine-page__link-title">店员模式</Text>
              <Text className="mine-page__link-description">扫会员码记录消费、核销兑换</Text>
            </View>
            <Text className="mine-page__link-go">›</Text>
          </View>
        </View>
      ) : null}
      <View id="mine-links" className="mine-page__links">
        {MINE_LINKS.map((link) => (
          <View key={link.key} className="mine-page__link">
            <View className="mine-page__link-text">
              <Text className="mine-page__link-title">{link.title}</Text>
              <Text className="mine-page__link-description">{link.description}</Text>
            </View>
            <Text className="mine-page__link-soon">敬请期待</Text>
          </View>
        ))}
      </View>
      {member && !member.staffRole ? (
        <Text id="mine-staff-bind" className="mine-page__staff-bind" onClick={() => void Taro.navigateTo({ url: STAFF_PAGE_URL })}>
          我是店员，绑定店员账号
        </Text>
      ) : null}
    </View>
  );
}

// Taro loads each page through its default export.
export default MinePage;
