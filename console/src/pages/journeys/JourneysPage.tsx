import { useState } from 'react';
import { Alert, App, Card, Col, Row, Spin } from 'antd';
import type { JourneyDto, JourneyListDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { JourneyCard } from './JourneyCard';
import { JourneySettingsModal } from './JourneySettingsModal';

/**
 * 自动旅程: the four automatic journeys (birthday greeting, churn warning, welcome, points
 * expiry), each with its switch, settings and recent sends. They run every night; what
 * they send is configured, the switch and the birthday's days before are set here.
 */
export function JourneysPage() {
  const { data, error, loading, reload } = useApi<JourneyListDto>('/api/admin/journeys');
  const [editing, setEditing] = useState<JourneyDto | null>(null);
  const { message } = App.useApp();
  const { run, busy } = useAction(reload);

  const toggle = (journey: JourneyDto, enabled: boolean) =>
    run(() => api.patch<JourneyDto>(`/api/admin/journeys/${journey.key}`, { enabled }), enabled ? `「${journey.name}」已启用` : `「${journey.name}」已停用`);

  return (
    <Card title="自动旅程" id="journeys">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Alert
        type="info"
        showIcon
        message="旅程每天凌晨自动运行，同一会员同一时机只发送一次；发送遵守频次上限和免打扰时段。"
        style={{ marginBottom: 16 }}
      />
      <Spin spinning={loading && !data}>
        <Row gutter={[16, 16]}>
          {(data?.journeys ?? []).map((journey) => (
            <Col key={journey.key} xs={24} xl={12}>
              <JourneyCard journey={journey} busy={busy} onToggle={toggle} onEdit={setEditing} />
            </Col>
          ))}
        </Row>
      </Spin>
      {editing && (
        <JourneySettingsModal
          journey={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('旅程设置已保存');
            reload();
          }}
        />
      )}
    </Card>
  );
}
