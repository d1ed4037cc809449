import { Card, Statistic, Table } from 'antd';
import type { SegmentPreviewDto, SegmentSampleMemberDto } from '@toyclub/shared';
import { formatDateTime, formatYuan } from '../../format/formatters';

/** 预览's answer: the audience size and a sample of members (phones masked, tiers by name). */
export function SegmentPreviewPanel({ preview, tierName }: { preview: SegmentPreviewDto; tierName: (code: string) => string }) {
  return (
    <Card title="预览结果" id="segment-preview">
      <Statistic title="符合条件的会员" value={preview.count} suffix="人" className="segment-preview-count" />
      <Table<SegmentSampleMemberDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={preview.sample}
        style={{ marginTop: 16 }}
        columns={[
          { title: 'ID', dataIndex: 'id' },
          { title: '昵称', dataIndex: 'nickname', render: (value: string | null) => value ?? '—' },
          { title: '手机号', dataIndex: 'maskedPhone', render: (value: string | null) => value ?? '未绑定' },
          { title: '等级', dataIndex: 'tierCode', render: (value: string) => tierName(value) },
          { title: '消费次数', dataIndex: 'purchaseCount', align: 'right' },
          { title: '累计消费', dataIndex: 'totalSpendFen', align: 'right', render: (value: number) => formatYuan(value) },
          { title: '最近消费', dataIndex: 'lastPurchaseAt', render: (value: string | null) => formatDateTime(value) },
        ]}
      />
    </Card>
  );
}
