import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/EmptyState';
import './index.scss';

/** 投票: members vote on which toys the store brings in. No polls exist yet. Test hook: `#polls-page`. */
export function PollsPage() {
  return (
    <View id="polls-page" className="page polls-page">
      <Text className="page-title">会员投票</Text>
      <Text className="page-subtitle">你的一票，决定店里下一批新玩具</Text>
      <EmptyState id="polls-empty" title="暂无进行中的投票" description="新的投票开始后会出现在这里" />
    </View>
  );
}

// Taro loads each page through its default export.
export default PollsPage;
