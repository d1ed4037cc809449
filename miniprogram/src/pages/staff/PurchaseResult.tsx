import { Text, View } from '@tarojs/components';
import type { PurchaseDto } from '@toyclub/shared';
import { formatYuan } from '../../api/member';
import { CardQrCode } from '../../components/CardQrCode';

/**
 * What a recorded purchase gave: the member's points, or for a customer without a card
 * the one-time receipt code (as a QR code their 扫一扫 reads) to claim them later.
 * Test hook: `#purchase-result`.
 */
export function PurchaseResult({ purchase }: { purchase: PurchaseDto }) {
  return (
    <View id="purchase-result" className="purchase-result">
      <Text className="staff-page__ok">已记录消费 ¥{formatYuan(purchase.amountFen)}</Text>
      {purchase.memberId ? (
        <Text id="purchase-points" className="staff-page__hint">
          会员获得 {purchase.pointsEarned} 积分，当前积分 {purchase.balanceAfter ?? '-'}
          {purchase.tierUpgradedTo ? '，会员等级已升级' : ''}
        </Text>
      ) : null}
      {purchase.receiptCode ? (
        <View id="purchase-receipt" className="purchase-result__receipt">
          <Text className="staff-page__hint">非会员消费：请顾客在小程序「扫一扫」扫描下方二维码领取积分</Text>
          <CardQrCode code={purchase.receiptCode.scene} label="小票积分二维码" />
          <Text className="staff-page__hint">
            小票码 {purchase.receiptCode.code}，有效期至 {purchase.receiptCode.expiresAt.slice(0, 10)}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
