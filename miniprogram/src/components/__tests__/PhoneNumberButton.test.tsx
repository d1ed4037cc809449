import { render } from '@testing-library/react';
import { bindPhoneNumber, PhoneNumberButton } from '../PhoneNumberButton';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { resetStorage, storage } from '../../../test/mocks/taro';
import { memberMe, NO_CONSENT, VALID_SESSION } from '../../../test/memberFixtures';
import { callsTo, serveRoutes } from '../../../test/serveRoutes';

beforeEach(() => {
  resetStorage();
  storage.set(SESSION_STORAGE_KEY, VALID_SESSION);
  process.env.TARO_ENV = 'weapp';
});

describe('PhoneNumberButton', () => {
  it("is WeChat's getPhoneNumber button on weapp, for a consenting member without a phone", () => {
    render(<PhoneNumberButton member={memberMe()} onBound={() => undefined} />);
    expect(document.querySelector('#phone-bind button')?.getAttribute('data-open-type')).toBe('getPhoneNumber');
  });

  it.each([
    ['on H5', 'h5', memberMe()],
    ['once a phone is stored', 'weapp', memberMe({ maskedPhone: '138****1234' })],
    ['before privacy consent', 'weapp', memberMe({ consent: NO_CONSENT })],
  ] as const)('is hidden %s', (_label, env, member) => {
    process.env.TARO_ENV = env;
    render(<PhoneNumberButton member={member} onBound={() => undefined} />);
    expect(document.getElementById('phone-bind')).toBeNull();
  });
});

describe('bindPhoneNumber', () => {
  it("sends the button's code to the server and returns the member", async () => {
    serveRoutes({ 'POST /api/mp/me/phone': memberMe({ maskedPhone: '138****1234' }) });
    const outcome = await bindPhoneNumber({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' });
    expect(outcome).toEqual({ ok: true, member: memberMe({ maskedPhone: '138****1234' }) });
    expect(callsTo('POST /api/mp/me/phone')[0]?.data).toEqual({ code: 'phone-code-1' });
  });

  it('sends nothing when the member declined, and shows the server reason on failure', async () => {
    serveRoutes({ 'POST /api/mp/me/phone': { status: 400, body: { error: 'phone_code_invalid', message: '手机号授权已失效，请重新点击授权' } } });
    expect(await bindPhoneNumber({ errMsg: 'getPhoneNumber:fail user deny' })).toEqual({ ok: false, message: null });
    expect(callsTo('POST /api/mp/me/phone')).toHaveLength(0);
    expect(await bindPhoneNumber({ code: 'stale' })).toEqual({ ok: false, message: '手机号授权已失效，请重新点击授权' });
  });
});
