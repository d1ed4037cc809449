import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { MemberMeDto } from '@toyclub/shared';
import { ApiError } from '../api/client';
import { memberRequest } from '../auth/auth';
import { h5PhoneCode } from '../auth/h5PhoneCode';
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

/** Where the H5 stand-in for WeChat's phone sheet stands; `unavailable` once the server said 404. */
type H5Sheet = 'closed' | 'open' | 'unavailable';

/**
 * 绑定手机号, only after privacy consent and while no number is stored. weapp: WeChat's
 * getPhoneNumber button. H5 has no WeChat: the button opens a field for the number the
 * simulated WeChat account hands over, whose code comes from the simulator through our
 * origin; with real WeChat configured that route is absent and the button goes away.
 * Test hooks: `#phone-bind`, `#phone-open`, `#phone-input`, `#phone-submit`.
 */
export function PhoneNumberButton({ member, onBound }: { member: MemberMeDto; onBound: (member: MemberMeDto) => void }) {
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<H5Sheet>('closed');
  const [typed, setTyped] = useState('');
  const h5 = process.env.TARO_ENV === 'h5';
  if (member.maskedPhone !== null || !member.consent.privacyAccepted || (h5 && sheet === 'unavailable')) return null;

  const show = (outcome: PhoneBindOutcome) => {
    if (outcome.ok) {
      onBound(outcome.member);
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } else if (outcome.message) {
      void Taro.showToast({ title: outcome.message, icon: 'none', duration: 3000 });
    }
  };
  const handle = async (detail: { code?: string; errMsg?: string }) => {
    setBusy(true);
    const outcome = await bindPhoneNumber(detail);
    setBusy(false);
    show(outcome);
  };
  const submitH5 = async () => {
    const phoneNumber = typed.trim();
    if (!/^1\d{10}$/.test(phoneNumber)) {
      show({ ok: false, message: '请输入 11 位手机号' });
      return;
    }
    setBusy(true);
    try {
      const answer = await h5PhoneCode(phoneNumber);
      if (answer.kind === 'unavailable') setSheet('unavailable');
      else show(await bindPhoneNumber({ code: answer.code }));
    } catch (error) {
      show({ ok: false, message: error instanceof ApiError ? error.message : '绑定手机号失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  };

  if (h5 && sheet === 'open') {
    return (
      <View id="phone-bind" className="phone-bind phone-bind--sheet">
        <Text className="phone-bind__text">输入微信账号绑定的手机号（H5 模拟）</Text>
        <View className="phone-bind__row">
          <Input id="phone-input" className="phone-bind__input" type="number" maxlength={11} placeholder="手机号" value={typed} onInput={(event) => setTyped(event.detail.value)} />
          <Button id="phone-submit" className="phone-bind__button" disabled={busy} onClick={() => void submitH5()}>
            {busy ? '绑定中…' : '确定'}
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View id="phone-bind" className="phone-bind">
      <Text className="phone-bind__text">绑定手机号，到店报手机号也能积分</Text>
      {h5 ? (
        <Button id="phone-open" className="phone-bind__button" onClick={() => setSheet('open')}>
          绑定手机号
        </Button>
      ) : (
        <Button className="phone-bind__button" openType="getPhoneNumber" disabled={busy} onGetPhoneNumber={(event) => void handle(event.detail)}>
          绑定手机号
        </Button>
      )}
    </View>
  );
}
