import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import type { SegmentDefinition, SegmentDto, SegmentInput, SegmentPreviewDto, StoreListDto, TagListDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useApi } from '../../api/useApi';
import { useSubmit } from '../../api/useSubmit';
import { useTiers } from '../../api/useTiers';
import { navigate } from '../../app/useHashRoute';
import type { RuleOptions } from './RuleEditor';
import { RuleGroupEditor } from './RuleGroupEditor';
import { SegmentPreviewPanel } from './SegmentPreviewPanel';
import { emptyDefinition } from './segmentRules';

/** The rule builder: and/or groups of rules, 预览 (count and sample), 保存. */
export function SegmentEditor({ segmentId, initial }: { segmentId: string | null; initial: SegmentDto | null }) {
  const stores = useApi<StoreListDto>('/api/admin/stores');
  const tags = useApi<TagListDto>('/api/admin/tags');
  const { tiers, nameOf } = useTiers();
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [definition, setDefinition] = useState<SegmentDefinition>(() => initial?.definition ?? emptyDefinition());
  const [preview, setPreview] = useState<SegmentPreviewDto | null>(null);
  const { message } = App.useApp();

  const options = useMemo<RuleOptions>(
    () => ({
      stores: (stores.data?.stores ?? []).map((store) => ({ value: Number(store.id), label: `${store.name}（${store.code}）` })),
      tags: (tags.data?.tags ?? []).map((tag) => ({ value: Number(tag.id), label: tag.name })),
      tiers: tiers.map((tier) => ({ value: tier.code, label: tier.name })),
    }),
    [stores.data, tags.data, tiers],
  );

  const { run, busy, error } = useSubmit();

  const runPreview = () => run(async () => setPreview(await api.post<SegmentPreviewDto>('/api/admin/segments/preview', { definition })));
  const save = () =>
    run(async () => {
      const body: SegmentInput = { name: name.trim(), description: description.trim(), definition };
      const saved = segmentId ? await api.patch<SegmentDto>(`/api/admin/segments/${segmentId}`, body) : await api.post<SegmentDto>('/api/admin/segments', body);
      message.success('人群已保存');
      navigate(`/segments/${saved.id}`);
    });
  const remove = () =>
    run(async () => {
      await api.delete<null>(`/api/admin/segments/${segmentId}`);
      message.success('人群已删除');
      navigate('/segments');
    });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={() => navigate('/segments')}>返回人群列表</Button>
      <Card title={segmentId ? '编辑人群' : '新建人群'}>
        <Form layout="vertical">
          <Form.Item label="名称" required>
            <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={64} id="segment-name" />
          </Form.Item>
          <Form.Item label="说明">
            <Input value={description} onChange={(event) => setDescription(event.target.value)} maxLength={200} id="segment-description" />
          </Form.Item>
          <Form.Item label="条件">
            <RuleGroupEditor group={definition} depth={0} options={options} onChange={setDefinition} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} id="segment-error" />}
        <Space>
          <Button onClick={runPreview} loading={busy} id="segment-preview-button">
            预览
          </Button>
          <Button type="primary" onClick={save} loading={busy} disabled={!name.trim()} id="segment-save">
            保存
          </Button>
          {segmentId && (
            <Button danger onClick={remove} loading={busy}>
              删除
            </Button>
          )}
        </Space>
      </Card>
      {preview && <SegmentPreviewPanel preview={preview} tierName={nameOf} />}
    </Space>
  );
}
