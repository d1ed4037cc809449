import { Alert, Button, Card, Descriptions, Space, Statistic, Switch, Typography } from 'antd';
import { JOURNEY_RECENT_DAYS } from '@toyclub/shared';
import type { JourneyCountsDto, JourneyDto } from '@toyclub/shared';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime } from '../../format/formatters';
import { CHANNEL_LABELS } from '../campaigns/campaignLabels';

/** The counts a journey card shows, in the order the send goes through them. */
const COUNT_LABELS: Array<[keyof JourneyCountsDto, string]> = [
  ['enrolled', '进入旅程'],
  ['pending', '待发送'],
  ['sent', '已发送'],
  ['delivered', '已送达'],
  ['failed', '失败'],
  ['skipped', '跳过'],
];

/** What a card can ask of the page: switch the journey, restart a halted one, open its settings. */
export interface JourneyCardActions {
  onToggle: (journey: JourneyDto, enabled: boolean) => void;
  onEdit: (journey: JourneyDto) => void;
  busy: boolean;
}

/**
 * One journey: its switch, what it sends (template, field texts, the birthday's days
 * before), why its last run sent nothing if it did, and its sends of the last 30 days.
 */
export function JourneyCard({ journey, onToggle, onEdit, busy }: { journey: JourneyDto } & JourneyCardActions) {
  return (
    <Card
      title={journey.name}
      className={`journey-card journey-card--${journey.key}`}
      extra={
        <Space>
          <Switch
            checked={journey.enabled}
            loading={busy}
            checkedChildren="启用"
            unCheckedChildren="停用"
            onChange={(checked) => onToggle(journey, checked)}
            id={`journey-switch-${journey.key}`}
          />
          <Button size="small" onClick={() => onEdit(journey)} id={`journey-edit-${journey.key}`}>
            设置
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{journey.description}</Typography.Paragraph>
      {journey.lastError && (
        <Alert
          type="error"
          showIcon
          message={`上次运行没有发送：${journey.lastError}`}
          className="journey-last-error"
          style={{ marginBottom: 16 }}
          action={
            journey.enabled && (
              <Button size="small" onClick={() => onToggle(journey, true)}>
                重新启用
              </Button>
            )
          }
        />
      )}
      <Descriptions size="small" column={1} bordered className="journey-settings">
        {journey.daysBefore !== null && (
          <Descriptions.Item label="提前天数">
            <span className="journey-days-before">生日前 {journey.daysBefore} 天</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="发送模板">{journey.template ? `${journey.template.title}（${journey.templateId}）` : `${journey.templateId}（不在已审核模板中）`}</Descriptions.Item>
        <Descriptions.Item label="渠道">{journey.template ? CHANNEL_LABELS[journey.template.channel] : '—'}</Descriptions.Item>
        <Descriptions.Item label="消息内容">
          {journey.fields.map((field) => (
            <div key={field.key}>
              {field.label}：{field.pattern}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="上次运行">{formatDateTime(journey.lastRunAt)}</Descriptions.Item>
        <Descriptions.Item label="发送活动">
          {journey.campaignId ? (
            <Typography.Link onClick={() => navigate(`/campaigns/${journey.campaignId}`)}>查看活动 #{journey.campaignId}</Typography.Link>
          ) : (
            '尚未运行'
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        近 {JOURNEY_RECENT_DAYS} 天
      </Typography.Title>
      <Space wrap size="large" className="journey-recent">
        {COUNT_LABELS.map(([field, label]) => (
          <Statistic key={field} title={label} value={journey.recent[field]} className={`journey-recent-${field}`} />
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        累计：{COUNT_LABELS.map(([field, label]) => `${label} ${journey.counts[field]}`).join(' · ')}
      </Typography.Paragraph>
    </Card>
  );
}
