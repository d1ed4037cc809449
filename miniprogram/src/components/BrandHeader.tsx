import { Text, View } from '@tarojs/components';
import { BRAND_NAME } from '@toyclub/shared';
import './BrandHeader.scss';

/** The club's name and motto at the top of the card page. Test hook: `#brand-header`. */
export function BrandHeader() {
  return (
    <View id="brand-header" className="brand-header">
      <View className="brand-header__logo">
        <Text className="brand-header__logo-text">玩</Text>
      </View>
      <View className="brand-header__titles">
        <Text className="brand-header__name">{BRAND_NAME}</Text>
        <Text className="brand-header__tagline">一起玩，一起长大</Text>
      </View>
    </View>
  );
}
