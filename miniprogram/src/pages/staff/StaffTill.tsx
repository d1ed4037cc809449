import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ScannedMemberDto } from '@toyclub/shared';
import { ApiError } from '../../api/client';
import { scanMemberCard } from '../../api/staff';
import { CodeEntry } from './CodeEntry';
import { PurchaseForm } from './PurchaseForm';

type Scanned = { cardCode: string; member: ScannedMemberDto };

/**
 * The till: scan (or type) the member's card code, see whose card it is (phone masked),
 * and record the purchase against it. Test hooks: `#staff-member`, `#card-scan-error`.
 */
export function StaffTill() {
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Bumped for the next purchase, so the used card code leaves the input with the member.
  const [round, setRound] = useState(0);

  const lookUp = async (cardCode: string) => {
    setBusy(true);
    setError(null);
    try {
      setScanned({ cardCode, member: await scanMemberCard(cardCode) });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '会员码识别失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className="staff-page__panel">
        <Text className="staff-page__title">会员</Text>
        {scanned ? (
          <View id="staff-member" className="staff-member">
            <Text className="staff-member__name">{scanned.member.nickname ?? '会员'}</Text>
            <Text className="staff-page__hint">
              {scanned.member.maskedPhone ?? '未登记手机号'} · {scanned.member.tierName} · {scanned.member.pointsBalance} 积分
            </Text>
            <Text id="staff-member-clear" className="staff-member__clear" onClick={() => setScanned(null)}>
              清除
            </Text>
          </View>
        ) : (
          <Text className="staff-page__hint">扫描会员出示的会员码；不扫码则按非会员消费记录，并生成小票积分码。</Text>
        )}
        <CodeEntry key={round} id="card" placeholder="输入会员码" submitText="识别" scanText="扫会员码" busy={busy} onSubmit={(code) => void lookUp(code)} />
        {error ? (
          <Text id="card-scan-error" className="staff-page__error">
            {error}
          </Text>
        ) : null}
      </View>
      <PurchaseForm
        cardCode={scanned?.cardCode ?? null}
        onNext={() => {
          setScanned(null);
          setRound((value) => value + 1);
        }}
      />
    </View>
  );
}
