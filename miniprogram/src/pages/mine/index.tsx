import { Text, View } from '@tarojs/components';
import './index.scss';

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
 * 我的: the member's own corner. Before sign-in it shows a guest header and the list of
 * places that will open later, each marked 敬请期待. Test hook: `#mine-page`.
 */
export function MinePage() {
  return (
    <View id="mine-page" className="page mine-page">
      <View className="mine-page__profile">
        <View className="mine-page__avatar">
          <View className="mine-page__avatar-head" />
          <View className="mine-page__avatar-body" />
        </View>
        <View className="mine-page__who">
          <Text className="mine-page__name">未登录</Text>
          <Text className="mine-page__hint">登录后查看你的会员信息</Text>
        </View>
      </View>
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
    </View>
  );
}

// Taro loads each page through its default export.
export default MinePage;
