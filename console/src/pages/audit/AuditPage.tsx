import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import type { AuditEntryDto, AuditPageDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../format/formatters';

/** 审计日志: who read which member's personal data, newest first, keyset pages, filter by member. */
export function AuditPage() {
  const [memberId, setMemberId] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const params = new URLSearchParams({ limit: '50' });
  if (memberId) params.set('memberId', memberId);
  const before = cursors[cursors.length - 1];
  if (before) params.set('before', before);
  const { data, error, loading } = useApi<AuditPageDto>(`/api/admin/audit?${params.toString()}`);
  return (
    <Card title="审计日志">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          placeholder="会员 ID"
          allowClear
          enterButton="筛选"
          style={{ maxWidth: 280 }}
          onSearch={(value) => {
            setMemberId(/^\d+$/.test(value.trim()) ? value.trim() : '');
            setCursors([]);
          }}
        />
        {error && <Alert type="error" showIcon message={error} />}
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data?.entries ?? []}
          columns={[
            { title: '时间', dataIndex: 'createdAt', render: (value: string) => formatDateTime(value), width: 160 },
            { title: '员工', dataIndex: 'staffUsername', render: (value: string | null, entry) => value ?? entry.staffId },
            { title: '会员', dataIndex: 'memberId', render: (value: string | null) => value ?? '—' },
            { title: '操作', dataIndex: 'action' },
            { title: '详情', dataIndex: 'detail' },
            { title: 'IP', dataIndex: 'ip' },
          ]}
        />
        <Space>
          <Button disabled={cursors.length === 0} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
            上一页
          </Button>
          <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((stack) => [...stack, data.nextCursor!])}>
            下一页
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
