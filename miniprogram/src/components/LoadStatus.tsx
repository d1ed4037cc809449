import { Button, Text, View } from '@tarojs/components';
import './LoadStatus.scss';

/** The loading line or the error with 重试 of a page. Test hooks: `#page-loading`, `#page-error`. */
export function LoadStatus({ kind, message, onRetry }: { kind: 'loading' | 'error'; message?: string; onRetry?: () => void }) {
  if (kind === 'loading') {
    return (
      <View id="page-loading" className="load-status">
        <Text className="load-status__text">加载中…</Text>
      </View>
    );
  }
  return (
    <View id="page-error" className="load-status load-status--error">
      <Text className="load-status__text">{message}</Text>
      <Button className="load-status__retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}
