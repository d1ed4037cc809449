import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { canScan, scanScene } from '../scan/scanScene';
import { SCAN_PAGE_URL, scanPageUrl } from '../scan/scanTarget';
import './LoadStatus.scss';

/**
 * 扫一扫: scans a store's check-in code or a receipt code and opens the scan landing page
 * with its scene. On H5 (no camera API) it opens the landing page, where the code is typed.
 * Test hook: `#link-scan`.
 */
export function ScanEntry() {
  const open = async () => {
    if (!canScan()) {
      await Taro.navigateTo({ url: SCAN_PAGE_URL });
      return;
    }
    const scene = await scanScene();
    if (scene) await Taro.navigateTo({ url: scanPageUrl(scene) });
  };
  return (
    <View id="link-scan" className="list-item" onClick={() => void open()}>
      <View className="list-item__main">
        <Text className="list-item__title">扫一扫</Text>
        <Text className="list-item__sub">门店签到、领取小票积分</Text>
      </View>
      <Text className="list-item__sub">›</Text>
    </View>
  );
}
