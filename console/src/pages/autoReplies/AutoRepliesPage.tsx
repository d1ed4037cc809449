import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { AutoReplyContent, AutoReplyRuleDto, AutoReplyRuleListDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ListCard } from '../../app/ListCard';
import { AutoReplyModal } from './AutoReplyModal';

const MATCH_LABELS: Record<AutoReplyRuleDto['matchType'], string> = { exact: '完全一致', contains: '包含', regex: '正则' };

function describeReply(reply: AutoReplyContent): string {
  if (reply.type === 'text') return reply.content;
  if (reply.type === 'image') return `图片 ${reply.mediaId}`;
  return `小程序卡片「${reply.title}」→ ${reply.pagepath}`;
}

/** 自动回复: the official account's keyword rules, in the order they are tried. */
export function AutoRepliesPage() {
  const { data, error, loading, reload } = useApi<AutoReplyRuleListDto>('/api/admin/auto-replies');
  // undefined: no dialog; null: a new rule; a rule: editing it.
  const [editing, setEditing] = useState<AutoReplyRuleDto | null | undefined>(undefined);
  const { message } = App.useApp();
  const { run } = useAction(reload);
  const remove = (rule: AutoReplyRuleDto) => run(() => api.delete<null>(`/api/admin/auto-replies/${rule.id}`), '规则已删除');

  return (
    <ListCard title="自动回复" newLabel="新建规则" newId="auto-reply-new" onNew={() => setEditing(null)} error={error}>
      <Table<AutoReplyRuleDto>
        rowKey="id"
        loading={loading}
        dataSource={data?.rules ?? []}
        pagination={false}
        id="auto-reply-table"
        columns={[
          { title: '优先级', dataIndex: 'priority', width: 80 },
          { title: '名称', dataIndex: 'name' },
          { title: '关键词', render: (_: unknown, rule) => `${MATCH_LABELS[rule.matchType]}：${rule.pattern}` },
          { title: '回复', dataIndex: 'reply', render: (value: AutoReplyContent) => describeReply(value) },
          { title: '状态', dataIndex: 'enabled', render: (value: boolean) => (value ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: '操作',
            render: (_: unknown, rule) => (
              <Space>
                <Button size="small" onClick={() => setEditing(rule)}>
                  编辑
                </Button>
                <Popconfirm title="确定删除这条规则？" okText="删除" cancelText="取消" onConfirm={() => remove(rule)}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <AutoReplyModal
          rule={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success('规则已保存');
            reload();
          }}
        />
      )}
    </ListCard>
  );
}
