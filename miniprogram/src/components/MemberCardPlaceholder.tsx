import { Text, View } from '@tarojs/components';
import { BRAND_NAME } from '@toyclub/shared';
import './MemberCardPlaceholder.scss';

/**
 * Where the member card goes, shown before sign-in exists: a locked card face that says
 * what will appear, without inventing a member. Test hook: `#member-card`.
 */
export function MemberCardPlaceholder() {
  return (
    <View id="member-card" className="member-card member-card--locked">
      <View className="member-card__bubble member-card__bubble--one" />
      <View className="member-card__bubble member-card__bubble--two" />
      <View className="member-card__bubble member-card__bubble--three" />
      <View className="member-card__top">
        <Text className="member-card__brand">{BRAND_NAME}</Text>
        <Text className="member-card__kind">会员卡</Text>
      </View>
      <View className="member-card__center">
        <View className="member-card__lock">
          <View className="member-card__lock-shackle" />
          <View className="member-card__lock-body" />
        </View>
        <Text id="member-card-title" className="member-card__title">
          登录后查看会员卡
        </Text>
        <Text className="member-card__hint">你的会员信息会显示在这里</Text>
      </View>
    </View>
  );
}
