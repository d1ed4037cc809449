import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Popconfirm, Progress, Space, Statistic } from 'antd';
import { CAMPAIGN_SEND_STATES, FINISHED_CAMPAIGN_STATES } from '@toyclub/shared';
import type { CampaignDetailDto, CampaignSkipReason } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime } from '../../format/formatters';
import { CHANNEL_LABELS, SEND_STATE_LABELS, SKIP_REASON_LABELS } from './campaignLabels';
import { CampaignStateTag } from './CampaignStateTag';
import { useCampaignProgress } from './useCampaignProgress';

/** A campaign: what it is, a live progress bar from the stream, and 发送/暂停/继续/取消. */
export function CampaignDetailPage({ campaignId }: { campaignId: string }) {
  const { data: campaign, error, reload } = useApi<CampaignDetailDto>(`/api/admin/campaigns/${campaignId}`);
  const { progress, lost } = useCampaignProgress(campaignId);
  const state = progress?.state ?? campaign?.state;
  const reloadedForState = useRef<string | null>(null);

  // The stream carries the counts; the campaign itself (skip reasons, stop reason) is re-read when its state moves.
  useEffect(() => {
    if (!progress || !campaign || progress.state === campaign.state || reloadedForState.current === progress.state) return;
    reloadedForState.current = progress.state;
    reload();
  }, [progress, campaign, reload]);

  const { run, busy } = useAction(reload);
  const act = (action: 'schedule' | 'pause' | 'resume' | 'cancel', done: string) => run(() => api.post<CampaignDetailDto>(`/api/admin/campaigns/${campaignId}/${action}`), done);

  const counts = progress?.counts ?? campaign?.counts;
  const finished = state ? FINISHED_CAMPAIGN_STATES.includes(state) : false;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/campaigns')}>返回活动列表</Button>
      {error && <Alert type="error" showIcon message={error} />}
      {campaign && state && (
        <Card
          title={
            <Space>
              {campaign.name}
              <CampaignStateTag state={state} />
            </Space>
          }
          extra={
            <Space>
              {state === 'draft' && (
                <Button type="primary" loading={busy} onClick={() => act('schedule', '活动已开始')}>
                  发送
                </Button>
              )}
              {['scheduled', 'planning', 'sending'].includes(state) && (
                <Button loading={busy} onClick={() => act('pause', '活动已暂停')} id="campaign-pause">
                  暂停
                </Button>
              )}
              {state === 'paused' && (
                <Button type="primary" loading={busy} onClick={() => act('resume', '活动已继续')} id="campaign-resume">
                  继续
                </Button>
              )}
              {!finished && (
                <Popconfirm title="取消后未发出的消息不再发送，确定取消？" okText="确定取消" cancelText="再想想" onConfirm={() => act('cancel', '活动已取消')}>
                  <Button danger loading={busy} id="campaign-cancel">
                    取消
                  </Button>
                </Popconfirm>
              )}
              <Button onClick={() => navigate(`/campaigns/${campaignId}/report`)} id="campaign-report-link">
                报告
              </Button>
            </Space>
          }
        >
          {campaign.stopReason && <Alert type="error" showIcon message={`活动已停止：${campaign.stopReason}`} style={{ marginBottom: 16 }} />}
          {lost && <Alert type="warning" showIcon message="实时进度连接已断开，请刷新页面（登录可能已过期）" style={{ marginBottom: 16 }} />}
          {progress?.pausedUntil && <Alert type="warning" showIcon message={`暂停至 ${formatDateTime(progress.pausedUntil)}`} style={{ marginBottom: 16 }} />}
          <Progress percent={progress?.percent ?? 0} status={state === 'stopped' ? 'exception' : finished ? 'success' : 'active'} className="campaign-progress" />
          <div id="campaign-progress-text">
            已处理 {progress?.done ?? 0} / {progress?.planned ?? campaign.plannedCount} 人（{progress?.percent ?? 0}%）
          </div>
          <Space wrap size="large" style={{ margin: '16px 0' }} id="campaign-counts">
            {CAMPAIGN_SEND_STATES.map((sendState) => (
              <Statistic key={sendState} title={SEND_STATE_LABELS[sendState]} value={counts?.[sendState] ?? 0} className={`count-${sendState}`} />
            ))}
          </Space>
          {Object.keys(campaign.skippedByReason).length > 0 && (
            <Descriptions title="跳过原因" size="small" column={3}>
              {(Object.entries(campaign.skippedByReason) as Array<[CampaignSkipReason, number]>).map(([reason, count]) => (
                <Descriptions.Item key={reason} label={SKIP_REASON_LABELS[reason] ?? reason}>
                  {count}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="渠道">{CHANNEL_LABELS[campaign.channel]}</Descriptions.Item>
            <Descriptions.Item label="模板">{campaign.content.templateId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="版本数">{campaign.content.variants.length}</Descriptions.Item>
            <Descriptions.Item label="对照组">{campaign.holdoutPercent}%</Descriptions.Item>
            <Descriptions.Item label="频次上限">{campaign.frequencyCap ? `${campaign.frequencyCap.perDays} 天内最多 ${campaign.frequencyCap.maxSends} 条` : '无'}</Descriptions.Item>
            <Descriptions.Item label="免打扰">{campaign.quietHours ? `${campaign.quietHours.start}–${campaign.quietHours.end}` : '无'}</Descriptions.Item>
            <Descriptions.Item label="定时">{campaign.scheduleKind === 'recurring' ? `周期 ${campaign.recurrence ?? ''}` : formatDateTime(campaign.scheduledAt)}</Descriptions.Item>
            <Descriptions.Item label="创建时间">{formatDateTime(campaign.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
