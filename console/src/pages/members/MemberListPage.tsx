import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import type { AdminMemberPageDto, AdminMemberSummaryDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { useTiers } from '../../api/useTiers';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime } from '../../format/formatters';

const PAGE_SIZE = 20;

/** 会员: newest first, keyset pages (a stack of cursors for 上一页), search by nickname or phone's last 4 digits. */
export function MemberListPage() {
  const [query, setQuery] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors[cursors.length - 1];
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (query) params.set('q', query);
  if (after) params.set('after', after);
  const { data, error, loading } = useApi<AdminMemberPageDto>(`/api/admin/members?${params.toString()}`);
  const { nameOf } = useTiers();

  const search = (value: string): void => {
    setQuery(value.trim());
    setCursors([]);
  };

  return (
    <Card title="会员">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search placeholder="昵称开头，或手机号后 4 位" allowClear enterButton="搜索" onSearch={search} id="member-search" style={{ maxWidth: 360 }} />
        {error && <Alert type="error" showIcon message={error} />}
        <Table<AdminMemberSummaryDto>
          rowKey="id"
          loading={loading}
          dataSource={data?.members ?? []}
          pagination={false}
          onRow={(member) => ({ onClick: () => navigate(`/members/${member.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 90 },
            { title: '昵称', dataIndex: 'nickname', render: (value: string | null, member) => (member.deleted ? <Tag>已注销</Tag> : (value ?? '—')) },
            { title: '手机号', dataIndex: 'maskedPhone', render: (value: string | null) => value ?? '未绑定' },
            { title: '等级', dataIndex: 'tierCode', render: (value: string) => nameOf(value) },
            { title: '积分', dataIndex: 'pointsBalance', align: 'right' },
            { title: '注册时间', dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
          ]}
        />
        <Space>
          <Button disabled={cursors.length === 0} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
            上一页
          </Button>
          <Button disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((stack) => [...stack, data.nextCursor!])} id="member-next-page">
            下一页
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
