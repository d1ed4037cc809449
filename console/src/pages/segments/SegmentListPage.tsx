import { Alert, Button, Card, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { BuiltinSegmentDto, BuiltinSegmentListDto, SegmentDto, SegmentListDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime } from '../../format/formatters';
import { SegmentCountCell } from './SegmentCountCell';

/** 人群: the built-in segments with their live sizes, and the saved ones. */
export function SegmentListPage() {
  const builtin = useApi<BuiltinSegmentListDto>('/api/admin/segments/builtin');
  const saved = useApi<SegmentListDto>('/api/admin/segments');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title="自定义人群"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/segments/new')} id="segment-new">
            新建人群
          </Button>
        }
      >
        {saved.error && <Alert type="error" showIcon message={saved.error} />}
        <Table<SegmentDto>
          rowKey="id"
          loading={saved.loading}
          dataSource={saved.data?.segments ?? []}
          pagination={{ pageSize: 20 }}
          onRow={(segment) => ({ onClick: () => navigate(`/segments/${segment.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 80 },
            { title: '名称', dataIndex: 'name' },
            { title: '说明', dataIndex: 'description' },
            { title: '人数', dataIndex: 'definition', align: 'right', render: (definition: SegmentDto['definition']) => <SegmentCountCell definition={definition} /> },
            { title: '更新时间', dataIndex: 'updatedAt', render: (value: string) => formatDateTime(value) },
          ]}
        />
      </Card>
      <Card title="内置人群">
        {builtin.error && <Alert type="error" showIcon message={builtin.error} />}
        <Table<BuiltinSegmentDto>
          rowKey="code"
          loading={builtin.loading}
          dataSource={builtin.data?.segments ?? []}
          pagination={false}
          id="builtin-segments"
          columns={[
            { title: '人群', dataIndex: 'label', width: 140 },
            { title: '定义', dataIndex: 'description' },
            { title: '人数', dataIndex: 'count', align: 'right', width: 100 },
          ]}
        />
      </Card>
    </Space>
  );
}
