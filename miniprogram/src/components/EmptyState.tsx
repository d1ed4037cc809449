import { Text, View } from '@tarojs/components';
import './EmptyState.scss';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  /** Test hook for the whole block. */
  id?: string;
  title: string;
  description: string;
}

/** A friendly "nothing here yet" block: three toy blocks, a title and one line of help. */
export function EmptyState({ id, title, description }: EmptyStateProps) {
  return (
    <View id={id} className="empty-state">
      <View className="empty-state__blocks">
        <View className="empty-state__block empty-state__block--top">
          <Text>玩</Text>
        </View>
        <View className="empty-state__row">
          <View className="empty-state__block empty-state__block--left">
            <Text>具</Text>
          </View>
          <View className="empty-state__block empty-state__block--right">
            <Text>会</Text>
          </View>
        </View>
      </View>
      <Text className="empty-state__title">{title}</Text>
      <Text className="empty-state__description">{description}</Text>
    </View>
  );
}
