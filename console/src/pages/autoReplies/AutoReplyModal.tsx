import { Alert, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import type { AutoReplyContent, AutoReplyRuleDto, AutoReplyRuleInput } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useSubmit } from '../../api/useSubmit';

interface AutoReplyFormValues {
  name: string;
  matchType: AutoReplyRuleInput['matchType'];
  pattern: string;
  priority: number;
  enabled: boolean;
  replyType: AutoReplyContent['type'];
  content?: string;
  mediaId?: string;
  title?: string;
  pagepath?: string;
}

function toFormValues(rule: AutoReplyRuleDto | null): AutoReplyFormValues {
  if (!rule) return { name: '', matchType: 'contains', pattern: '', priority: 0, enabled: true, replyType: 'text' };
  const { reply } = rule;
  return {
    name: rule.name,
    matchType: rule.matchType,
    pattern: rule.pattern,
    priority: rule.priority,
    enabled: rule.enabled,
    replyType: reply.type,
    ...(reply.type === 'text' ? { content: reply.content } : reply.type === 'image' ? { mediaId: reply.mediaId } : { title: reply.title, pagepath: reply.pagepath }),
  };
}

function toReply(values: AutoReplyFormValues): AutoReplyContent {
  if (values.replyType === 'image') return { type: 'image', mediaId: values.mediaId ?? '' };
  if (values.replyType === 'miniprogram') return { type: 'miniprogram', title: values.title ?? '', pagepath: values.pagepath ?? '' };
  return { type: 'text', content: values.content ?? '' };
}

/** Creates (rule null) or edits a keyword rule of the official account. */
export function AutoReplyModal({ rule, onClose, onSaved }: { rule: AutoReplyRuleDto | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<AutoReplyFormValues>();
  const replyType = Form.useWatch('replyType', form) ?? rule?.reply.type ?? 'text';
  const { run, busy: saving, error } = useSubmit();

  const save = (values: AutoReplyFormValues): Promise<void> =>
    run(async () => {
      const body: AutoReplyRuleInput = { name: values.name, matchType: values.matchType, pattern: values.pattern, priority: values.priority, enabled: values.enabled, reply: toReply(values) };
      if (rule) await api.put<AutoReplyRuleDto>(`/api/admin/auto-replies/${rule.id}`, body);
      else await api.post<AutoReplyRuleDto>('/api/admin/auto-replies', body);
      onSaved();
    });

  const required = (label: string) => [{ required: true, message: `请填写${label}` }];
  return (
    <Modal title={rule ? '编辑自动回复' : '新建自动回复'} open onCancel={onClose} onOk={() => form.submit()} okText="保存" okButtonProps={{ loading: saving, id: 'auto-reply-save' }} width={640}>
      <Form<AutoReplyFormValues> form={form} layout="vertical" initialValues={toFormValues(rule)} onFinish={save}>
        <Form.Item name="name" label="规则名称" rules={required('规则名称')}>
          <Input maxLength={64} id="auto-reply-name" />
        </Form.Item>
        <Form.Item name="matchType" label="匹配方式">
          <Radio.Group options={[{ value: 'exact', label: '完全一致' }, { value: 'contains', label: '包含' }, { value: 'regex', label: '正则' }]} />
        </Form.Item>
        <Form.Item name="pattern" label="关键词" rules={required('关键词')}>
          <Input maxLength={100} id="auto-reply-pattern" />
        </Form.Item>
        <Form.Item name="priority" label="优先级（大的先匹配）">
          <InputNumber min={-1000} max={1000} />
        </Form.Item>
        <Form.Item name="replyType" label="回复类型">
          <Radio.Group options={[{ value: 'text', label: '文字' }, { value: 'image', label: '图片' }, { value: 'miniprogram', label: '小程序卡片' }]} />
        </Form.Item>
        {replyType === 'text' && (
          <Form.Item name="content" label="回复内容" rules={required('回复内容')}>
            <Input.TextArea rows={3} maxLength={600} showCount id="auto-reply-content" />
          </Form.Item>
        )}
        {replyType === 'image' && (
          <Form.Item name="mediaId" label="永久素材 media_id" rules={required('media_id')}>
            <Input />
          </Form.Item>
        )}
        {replyType === 'miniprogram' && (
          <>
            <Form.Item name="title" label="卡片标题" rules={required('卡片标题')}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="pagepath" label="小程序页面" rules={required('小程序页面')}>
              <Input placeholder="pages/card/index" />
            </Form.Item>
          </>
        )}
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
