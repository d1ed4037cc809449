import { useState } from 'react';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import type { TagDto, TagListDto, TagMirrorDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useAction } from '../../api/useAction';
import { useApi } from '../../api/useApi';
import { ListCard } from '../../app/ListCard';
import { TagCreateModal } from './TagCreateModal';
import { describeRule } from './tagConditions';

/** 标签: manual and dynamic tags with their member counts, WeChat mirroring, create and delete. */
export function TagsPage() {
  const { data, error, loading, reload } = useApi<TagListDto>('/api/admin/tags');
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const { run: act } = useAction(reload);

  return (
    <ListCard title="标签" newLabel="新建标签" newId="tag-new" onNew={() => setCreating(true)} error={error}>
      <Table<TagDto>
        rowKey="id"
        loading={loading}
        dataSource={data?.tags ?? []}
        pagination={{ pageSize: 20 }}
        id="tag-table"
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (value: TagDto['kind']) => (value === 'dynamic' ? <Tag color="blue">动态</Tag> : <Tag>手动</Tag>) },
          { title: '规则', dataIndex: 'rule', render: (value: TagDto['rule']) => describeRule(value) },
          { title: '会员数', dataIndex: 'memberCount', align: 'right' },
          {
            title: '微信标签',
            render: (_: unknown, tag) => (tag.wechatTagId !== null ? `已同步（${tag.wechatTagId}）` : tag.mirrorToWechat ? '待同步' : '不同步'),
          },
          {
            title: '操作',
            render: (_: unknown, tag) => (
              <Space>
                {tag.mirrorToWechat && (
                  <Button size="small" onClick={() => act(() => api.post<TagMirrorDto>(`/api/admin/tags/${tag.id}/mirror`), '已开始同步到微信')}>
                    同步
                  </Button>
                )}
                <Popconfirm title="删除后会员身上的这个标签也会去掉，确定删除？" okText="删除" cancelText="取消" onConfirm={() => act(() => api.delete<null>(`/api/admin/tags/${tag.id}`), '标签已删除')}>
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <TagCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tag) => {
          setCreating(false);
          message.success(`标签「${tag.name}」已创建`);
          reload();
        }}
      />
    </ListCard>
  );
}
