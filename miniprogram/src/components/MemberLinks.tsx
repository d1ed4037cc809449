import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './LoadStatus.scss';

/** The member's own pages, reached from the card. */
export const MEMBER_LINKS = [
  { id: 'points', text: '积分明细', url: '/pages/points/index' },
  { id: 'rewards', text: '积分兑换', url: '/pages/rewards/index' },
  { id: 'children', text: '我的孩子', url: '/pages/children/index' },
  { id: 'privacy', text: '隐私与授权', url: '/pages/privacy/index' },
] as const;

/** Links under the signed-in card. Test hooks: `#link-points` and so on. */
export function MemberLinks() {
  return (
    <View id="member-links" className="member-links">
      {MEMBER_LINKS.map((link) => (
        <View key={link.id} id={`link-${link.id}`} className="list-item" onClick={() => void Taro.navigateTo({ url: link.url })}>
          <Text className="list-item__title">{link.text}</Text>
          <Text className="list-item__sub">›</Text>
        </View>
      ))}
    </View>
  );
}
