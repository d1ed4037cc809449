import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Modal, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CreateTagRequest, TagCondition, TagDto, TagKind } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useSubmit } from '../../api/useSubmit';
import { TagConditionEditor } from './TagConditionEditor';
import { CONDITION_LABELS, defaultCondition } from './tagConditions';

const KIND_OPTIONS = (Object.keys(CONDITION_LABELS) as Array<TagCondition['kind']>).map((value) => ({ value, label: CONDITION_LABELS[value] }));

/** 新建标签: a manual tag, or a dynamic one whose conditions must all hold; optionally mirrored to WeChat. */
export function TagCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (tag: TagDto) => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TagKind>('manual');
  const [conditions, setConditions] = useState<TagCondition[]>([defaultCondition('categoryPurchases')]);
  const [mirror, setMirror] = useState(false);
  const { run, busy: saving, error } = useSubmit();

  const save = (): Promise<void> =>
    run(async () => {
      const body: CreateTagRequest = { name: name.trim(), kind, mirrorToWechat: mirror, ...(kind === 'dynamic' ? { rule: { all: conditions } } : {}) };
      onCreated(await api.post<TagDto>('/api/admin/tags', body));
      setName('');
    });

  const replace = (index: number, condition: TagCondition): void => setConditions((list) => list.map((old, at) => (at === index ? condition : old)));
  return (
    <Modal title="新建标签" open={open} onCancel={onClose} onOk={save} okText="保存" okButtonProps={{ loading: saving, disabled: !name.trim(), id: 'tag-save' }} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input placeholder="标签名称，如 母婴潜在客户" value={name} maxLength={32} onChange={(event) => setName(event.target.value)} id="tag-name" />
        <Radio.Group value={kind} onChange={(event) => setKind(event.target.value as TagKind)} options={[{ value: 'manual', label: '手动标签' }, { value: 'dynamic', label: '动态标签（按规则自动维护）' }]} />
        {kind === 'dynamic' &&
          conditions.map((condition, index) => (
            <div className="rule-row" key={index}>
              <Select style={{ width: 150 }} value={condition.kind} options={KIND_OPTIONS} onChange={(value) => replace(index, defaultCondition(value))} />
              <TagConditionEditor condition={condition} onChange={(next) => replace(index, next)} />
              <Button icon={<DeleteOutlined />} disabled={conditions.length === 1} onClick={() => setConditions((list) => list.filter((_, at) => at !== index))} aria-label="删除条件" />
            </div>
          ))}
        {kind === 'dynamic' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setConditions((list) => [...list, defaultCondition('purchaseCount')])}>
            添加条件（全部满足）
          </Button>
        )}
        <Checkbox checked={mirror} onChange={(event) => setMirror(event.target.checked)}>
          同步为微信用户标签（用于按标签群发）
        </Checkbox>
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}
