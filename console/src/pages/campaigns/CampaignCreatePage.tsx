import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { CAMPAIGN_CHANNELS } from '@toyclub/shared';
import type { CampaignDetailDto, CampaignTemplateListDto, SegmentListDto, TagListDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { errorMessage } from '../../api/ApiError';
import { useApi } from '../../api/useApi';
import { navigate } from '../../app/useHashRoute';
import { CHANNEL_LABELS } from './campaignLabels';
import { INITIAL_CAMPAIGN_VALUES, toCampaignInput } from './campaignFormValues';
import type { CampaignFormValues } from './campaignFormValues';
import { VariantFields } from './VariantFields';

const HHMM = { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: '格式为 HH:mm' };

/**
 * 新建活动: audience, channel, template and fields (one or two variants), schedule, frequency
 * cap, quiet hours and holdout. 创建并发送 composes, then schedules; a refusal (WeChat's
 * channel rules, an audience the channel cannot reach) is shown with the server's reason.
 */
export function CampaignCreatePage() {
  const [form] = Form.useForm<CampaignFormValues>();
  const segments = useApi<SegmentListDto>('/api/admin/segments');
  const templates = useApi<CampaignTemplateListDto>('/api/admin/campaigns/templates');
  const tags = useApi<TagListDto>('/api/admin/tags');
  const [at, setAt] = useState<string | null>(null);
  const [twoVariants, setTwoVariants] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refusalBox = useRef<HTMLDivElement>(null);
  // The reason appears under a long form: bring it into view so that it is not missed.
  useEffect(() => {
    if (refusal) refusalBox.current?.scrollIntoView({ block: 'center' });
  }, [refusal]);
  const channel = Form.useWatch('channel', form) ?? 'template';
  const templateId = Form.useWatch('templateId', form);
  const scheduleKind = Form.useWatch('scheduleKind', form) ?? 'now';
  const capEnabled = Form.useWatch('capEnabled', form) ?? false;
  const quietEnabled = Form.useWatch('quietEnabled', form) ?? false;

  const usesTemplate = channel === 'template' || channel === 'subscribe';
  const channelTemplates = (templates.data?.templates ?? []).filter((template) => template.kind === (channel === 'subscribe' ? 'subscribe' : 'template'));
  const template = channelTemplates.find((candidate) => candidate.id === templateId);

  const submit = async (values: CampaignFormValues): Promise<void> => {
    setSubmitting(true);
    setRefusal(null);
    let draftId: string | null = null;
    try {
      const created = await api.post<CampaignDetailDto>('/api/admin/campaigns', toCampaignInput({ ...values, variants: values.variants.slice(0, twoVariants ? 2 : 1) }, at));
      draftId = created.id;
      await api.post<CampaignDetailDto>(`/api/admin/campaigns/${created.id}/schedule`);
      navigate(`/campaigns/${created.id}`);
    } catch (caught) {
      setRefusal(draftId ? `活动已保存为草稿（ID ${draftId}），但未能发送：${errorMessage(caught)}` : errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="新建营销活动">
      <Form<CampaignFormValues> form={form} layout="vertical" initialValues={INITIAL_CAMPAIGN_VALUES} onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input maxLength={64} id="campaign-name" />
        </Form.Item>
        <Form.Item name="segmentId" label="目标人群" rules={[{ required: true, message: '请选择人群' }]}>
          <Select
            id="campaign-segment"
            className="campaign-segment-select"
            showSearch
            optionFilterProp="label"
            loading={segments.loading}
            options={(segments.data?.segments ?? []).map((segment) => ({ value: segment.id, label: segment.name }))}
          />
        </Form.Item>
        <Form.Item name="channel" label="渠道">
          <Radio.Group options={CAMPAIGN_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }))} />
        </Form.Item>
        <Form.Item name="purpose" label="用途" extra="模板消息只能用于服务通知；营销内容请用群发、订阅消息或客服消息。">
          <Radio.Group className="campaign-purpose" options={[{ value: 'service', label: '服务通知' }, { value: 'marketing', label: '营销推广' }]} />
        </Form.Item>
        {usesTemplate && (
          <Form.Item name="templateId" label="模板" rules={[{ required: true, message: '请选择模板' }]}>
            <Select id="campaign-template" className="campaign-template-select" options={channelTemplates.map((candidate) => ({ value: candidate.id, label: `${candidate.title}（${candidate.id}）` }))} />
          </Form.Item>
        )}
        {channel === 'mass_tag' && (
          <Form.Item name="tagId" label="群发标签" rules={[{ required: true, message: '请选择标签' }]}>
            <Select options={(tags.data?.tags ?? []).map((tag) => ({ value: tag.id, label: `${tag.name}${tag.mirrorToWechat ? '' : '（未同步到微信）'}` }))} />
          </Form.Item>
        )}
        <Form.Item label="A/B 两个版本（随机各发一半）">
          <Switch checked={twoVariants} onChange={setTwoVariants} />
        </Form.Item>
        <Form.List name="variants">
          {() => [0, ...(twoVariants ? [1] : [])].map((index) => <VariantFields key={index} index={index} template={template} usesTemplate={usesTemplate} />)}
        </Form.List>
        <Form.Item name="scheduleKind" label="发送时间">
          <Radio.Group options={[{ value: 'now', label: '立即' }, { value: 'at', label: '定时' }, { value: 'recurring', label: '周期' }]} />
        </Form.Item>
        {scheduleKind === 'at' && (
          <Form.Item label="发送于" required>
            <DatePicker showTime onChange={(value) => setAt(value ? value.toISOString() : null)} />
          </Form.Item>
        )}
        {scheduleKind === 'recurring' && (
          <Form.Item name="cron" label="cron 表达式（分 时 日 月 周）" rules={[{ required: true, message: '请填写 cron 表达式' }]}>
            <Input placeholder="0 10 * * 1（每周一 10:00）" />
          </Form.Item>
        )}
        <Space align="start" wrap>
          <Form.Item name="capEnabled" label="频次上限" valuePropName="checked">
            <Switch />
          </Form.Item>
          {capEnabled && (
            <>
              <Form.Item name="capPerDays" label="天数内">
                <InputNumber min={1} max={90} addonAfter="天" />
              </Form.Item>
              <Form.Item name="capMaxSends" label="最多">
                <InputNumber min={1} max={100} addonAfter="条" />
              </Form.Item>
            </>
          )}
        </Space>
        <Space align="start" wrap>
          <Form.Item name="quietEnabled" label="免打扰时段" valuePropName="checked">
            <Switch />
          </Form.Item>
          {quietEnabled && (
            <>
              <Form.Item name="quietStart" label="开始" rules={[HHMM]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="quietEnd" label="结束" rules={[HHMM]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
            </>
          )}
        </Space>
        <Form.Item name="holdoutPercent" label="对照组比例（不发送，用于衡量提升）">
          <InputNumber min={0} max={50} addonAfter="%" id="campaign-holdout" />
        </Form.Item>
        <div ref={refusalBox}>{refusal && <Alert type="error" showIcon message="无法创建或发送活动" description={refusal} id="campaign-refusal" style={{ marginBottom: 16 }} />}</div>
        <Space>
          <Button onClick={() => navigate('/campaigns')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={submitting} id="campaign-submit">
            创建并发送
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
