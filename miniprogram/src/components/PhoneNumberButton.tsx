import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../api/client';
import { memberRequest } from '../auth/auth';
import './PhoneNumberButton.scss';

/** What the member reads after tapping the button: success, or why not. */
export type PhoneBindOutcome = { ok: true; member: MemberMeDto } | { ok: false; message: string | null };

/**
 * Exchanges the phone code WeChat put in the button's event (`detail.code`) through
 * `POST /api/mp/me/phone`; the number itself never passes through the page. No code means
 * the member declined, which needs no message.
 */
export async function bindPhoneNumber(detail: { code?: string; errMsg?: string }): Promise<PhoneBindOutcome> {
  if (!detail.code) return { ok: false, message: null };
  try {
    return { ok: true, member: await memberRequest<MemberMeDto>('/api/mp/me/phone', { method: 'POST', data: { code: detail.code } }) };
  } catch (error) {
    return { ok: false, message: error instanceof ApiError ? error.message : '绑定手机号失败，请稍后重试' };
  }
}

/**
 * 绑定手机号 with WeChat's getPhoneNumber button: weapp only (the H5 build has no WeChat to
 * ask), and only after privacy consent and while no number is stored.
 * Test hook: `#phone-bind`.
 */
export function PhoneNumberButton({ member, onBound }: { member: MemberMeDto; onBound: (member: MemberMeDto) => void }) {
  const [busy, setBusy] = useState(false);
  if (process.env.TARO_ENV === 'h5' || member.maskedPhone !== null || !member.consent.privacyAccepted) return null;
  const handle = async (detail: { code?: string; errMsg?: string }) => {
    setBusy(true);
    const outcome = await bindPhoneNumber(detail);
    setBusy(false);
    if (outcome.ok) {
      onBound(outcome.member);
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } else if (outcome.message) {
      void Taro.showToast({ title: outcome.message, icon: 'none', duration: 3000 });
    }
  };
  return (
    <View id="phone-bind" className="phone-bind">
      <Text className="phone-bind__text">绑定手机号，到店报手机号也能积分</Text>
      <Button className="phone-bind__button" openType="getPhoneNumber" disabled={busy} onGetPhoneNumber={(event) => void handle(event.detail)}>
        绑定手机号
      </Button>
    </View>
  );
}
