import { Table } from 'antd';
import type { CampaignDto, CampaignListDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { ListCard } from '../../app/ListCard';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime } from '../../format/formatters';
import { CHANNEL_LABELS } from './campaignLabels';
import { CampaignStateTag } from './CampaignStateTag';

const SCHEDULE_LABELS: Record<CampaignDto['scheduleKind'], string> = { now: '立即', at: '定时', recurring: '周期' };

/** 营销活动: every campaign, newest first, with its state. */
export function CampaignListPage() {
  const { data, error, loading } = useApi<CampaignListDto>('/api/admin/campaigns');
  return (
    <ListCard title="营销活动" newLabel="新建活动" newId="campaign-new" onNew={() => navigate('/campaigns/new')} error={error}>
      <Table<CampaignDto>
        rowKey="id"
        loading={loading}
        dataSource={data?.campaigns ?? []}
        pagination={{ pageSize: 20 }}
        onRow={(campaign) => ({ onClick: () => navigate(`/campaigns/${campaign.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 80 },
          { title: '名称', dataIndex: 'name' },
          { title: '渠道', dataIndex: 'channel', render: (value: CampaignDto['channel']) => CHANNEL_LABELS[value] },
          { title: '发送方式', dataIndex: 'scheduleKind', render: (value: CampaignDto['scheduleKind'], campaign) => (value === 'at' ? `定时 ${formatDateTime(campaign.scheduledAt)}` : SCHEDULE_LABELS[value]) },
          { title: '状态', dataIndex: 'state', render: (value: CampaignDto['state']) => <CampaignStateTag state={value} /> },
          { title: '创建时间', dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
        ]}
      />
    </ListCard>
  );
}
