import { Text, View } from '@tarojs/components';
import { useServiceStatus } from '../hooks/useServiceStatus';
import type { ServiceStatus as ServiceStatusValue } from '../hooks/useServiceStatus';
import './ServiceStatus.scss';

/** The text shown for each state (an error shows the API's own message instead). */
export const SERVICE_STATUS_TEXT = {
  loading: '正在连接服务…',
  ok: '服务正常',
  degraded: '服务繁忙，部分功能暂不可用',
} as const;

function labelOf(status: ServiceStatusValue): string {
  return status.kind === 'error' ? status.message : SERVICE_STATUS_TEXT[status.kind];
}

/**
 * One line telling the member whether the club's server can be reached. Hooks for tests:
 * `#service-status`, with the state as a `service-status--<kind>` class.
 */
export function ServiceStatus() {
  const { status, retry } = useServiceStatus();
  return (
    <View id="service-status" className={`service-status service-status--${status.kind}`}>
      <View className="service-status__dot" />
      <Text className="service-status__text">{labelOf(status)}</Text>
      {status.kind === 'error' || status.kind === 'degraded' ? (
        <Text id="service-status-retry" className="service-status__retry" onClick={retry}>
          重试
        </Text>
      ) : null}
    </View>
  );
}
