import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/EmptyState';
import './index.scss';

/** 玩具角: members share photos of their toy corners. Nothing shared yet. Test hook: `#corner-page`. */
export function CornerPage() {
  return (
    <View id="corner-page" className="page corner-page">
      <Text className="page-title">玩具角</Text>
      <Text className="page-subtitle">看看小会员们的收藏角落</Text>
      <EmptyState id="corner-empty" title="晒出你家玩具角" description="这里还没有分享，等你来做第一个" />
    </View>
  );
}

// Taro loads each page through its default export.
export default CornerPage;
