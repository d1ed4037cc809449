import { View } from '@tarojs/components';
import { BrandHeader } from '../../components/BrandHeader';
import { ClubShortcuts } from '../../components/ClubShortcuts';
import { MemberCardPlaceholder } from '../../components/MemberCardPlaceholder';
import { ServiceStatus } from '../../components/ServiceStatus';
import './index.scss';

/**
 * 会员卡: the first tab. Until sign-in exists it shows the brand, a locked card, shortcuts
 * to the other tabs and whether the server can be reached. Test hook: `#card-page`.
 */
export function CardPage() {
  return (
    <View id="card-page" className="page card-page">
      <BrandHeader />
      <MemberCardPlaceholder />
      <ClubShortcuts />
      <ServiceStatus />
    </View>
  );
}

// Taro loads each page through its default export.
export default CardPage;
