import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { StaffAccountDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { bindStaffAccount } from '../../api/staff';
import { CodeEntry } from './CodeEntry';

/**
 * 绑定店员账号: the one-time code from the admin console links this WeChat identity to a
 * staff account, which is what lets 店员模式 act. Test hook: `#staff-binding`.
 */
export function StaffBindingForm({ onBound }: { onBound: (staff: StaffAccountDto) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      onBound(await bindStaffAccount(code));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '绑定失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id="staff-binding" className="staff-page__panel">
      <Text className="staff-page__title">绑定店员账号</Text>
      <Text className="staff-page__hint">请向店长索取一次性绑定码（在管理后台生成），绑定后即可在此扫码记录消费、核销兑换。</Text>
      <CodeEntry id="binding" placeholder="输入绑定码" submitText="绑定" busy={busy} onSubmit={(code) => void submit(code)} />
      {error ? (
        <Text id="staff-binding-error" className="staff-page__error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}
