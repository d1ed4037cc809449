import { Card, Form, Input } from 'antd';
import type { CampaignTemplateDto } from '@toyclub/shared';

/** One content variant's fields: the template's fields (template, subscribe) or the text (mass, custom service). */
export function VariantFields({ index, template, usesTemplate }: { index: number; template: CampaignTemplateDto | undefined; usesTemplate: boolean }) {
  return (
    <Card size="small" title={`版本 ${index === 0 ? 'A' : 'B'}`} style={{ marginBottom: 12 }} className="campaign-variant">
      {usesTemplate ? (
        template ? (
          template.fields.map((field) => (
            <Form.Item key={field.key} name={[index, 'fields', field.key]} label={`${field.label}（${field.key}）`} rules={[{ required: true, message: `请填写${field.label}` }]}>
              <Input maxLength={20} showCount className={`variant-field-${field.key}`} />
            </Form.Item>
          ))
        ) : (
          <p>请先选择模板</p>
        )
      ) : (
        <Form.Item name={[index, 'text']} label="消息内容" rules={[{ required: true, message: '请填写消息内容' }]}>
          <Input.TextArea rows={3} maxLength={600} showCount />
        </Form.Item>
      )}
      <Form.Item name={[index, 'url']} label="跳转链接（可选）" rules={[{ type: 'url', message: '请填写完整的网址' }]}>
        <Input placeholder="https://" />
      </Form.Item>
      <Form.Item name={[index, 'miniProgramPage']} label="小程序页面（可选，优先于链接）">
        <Input placeholder="pages/card/index" />
      </Form.Item>
    </Card>
  );
}
