import { Alert, Form, InputNumber, Modal, Switch } from 'antd';
import type { JourneyDto, JourneyPatchInput } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { useSubmit } from '../../api/useSubmit';

interface JourneySettingsValues {
  enabled: boolean;
  daysBefore?: number | null;
}

/**
 * The PATCH body: only what changed, since switching on a journey that is already on has a
 * meaning of its own (it restarts a halted journey with a fresh campaign: 重新启用).
 */
function changes(journey: JourneyDto, values: JourneySettingsValues): JourneyPatchInput {
  const body: JourneyPatchInput = {};
  if (values.enabled !== journey.enabled) body.enabled = values.enabled;
  if (journey.daysBefore !== null && typeof values.daysBefore === 'number' && values.daysBefore !== journey.daysBefore) body.daysBefore = values.daysBefore;
  return body;
}

/**
 * Edits what a journey's PATCH accepts: its switch and, for the birthday greeting, the days
 * before. Range checks are the server's (`{ error, message }`, shown in the dialog), so that
 * the console never disagrees with the API about what is allowed.
 */
export function JourneySettingsModal({ journey, onClose, onSaved }: { journey: JourneyDto; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<JourneySettingsValues>();
  const { run, busy, error } = useSubmit();

  const save = (values: JourneySettingsValues): Promise<void> =>
    run(async () => {
      const body = changes(journey, values);
      if (Object.keys(body).length > 0) await api.patch<JourneyDto>(`/api/admin/journeys/${journey.key}`, body);
      onSaved();
    });

  return (
    <Modal title={`设置「${journey.name}」`} open onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" okButtonProps={{ loading: busy, id: 'journey-save' }}>
      <Form<JourneySettingsValues> form={form} layout="vertical" initialValues={{ enabled: journey.enabled, daysBefore: journey.daysBefore }} onFinish={save}>
        <Form.Item name="enabled" label="启用" valuePropName="checked">
          <Switch id="journey-enabled" />
        </Form.Item>
        {journey.daysBefore !== null && (
          <Form.Item name="daysBefore" label="提前天数（孩子生日前几天发送祝福，0–60）" rules={[{ required: true, message: '请填写提前天数' }]}>
            <InputNumber precision={0} addonAfter="天" id="journey-days-before" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} id="journey-save-error" />}
      </Form>
    </Modal>
  );
}
