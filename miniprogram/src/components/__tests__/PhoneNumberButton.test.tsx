import { render, screen } from '@testing-library/react';
import { bindPhoneNumber, PhoneNumberButton } from '../PhoneNumberButton';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { H5_OPENID_STORAGE_KEY } from '../../auth/auth';
import { resetStorage, showToast, storage } from '../../../test/mocks/taro';
import { tap, typeInto } from '../../../test/pageActions';
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
    ['once a phone is stored', 'weapp', memberMe({ maskedPhone: '138****1234' })],
    ['before privacy consent', 'weapp', memberMe({ consent: NO_CONSENT })],
  ] as const)('is hidden %s', (_label, env, member) => {
    process.env.TARO_ENV = env;
    render(<PhoneNumberButton member={member} onBound={() => undefined} />);
    expect(document.getElementById('phone-bind')).toBeNull();
  });
});

describe('PhoneNumberButton on H5 (no WeChat: the simulator hands over the code)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    storage.set(H5_OPENID_STORAGE_KEY, 'h5-phone-user');
  });

  it("asks the simulator route for the typed number's code, then binds it", async () => {
    serveRoutes({ 'POST /__sim/mp/phone-code': { code: 'sim-phone-1' }, 'POST /api/mp/me/phone': memberMe({ maskedPhone: '138****5678' }) });
    const onBound = jest.fn();
    render(<PhoneNumberButton member={memberMe()} onBound={onBound} />);
    expect(document.querySelector('#phone-bind button')?.getAttribute('data-open-type')).toBeNull();
    await tap('phone-open');
    typeInto('phone-input', '13812345678');
    await tap('phone-submit');
    expect(callsTo('POST /__sim/mp/phone-code')[0]?.data).toEqual({ openid: 'h5-phone-user', phoneNumber: '13812345678' });
    expect(callsTo('POST /api/mp/me/phone')[0]?.data).toEqual({ code: 'sim-phone-1' });
    expect(onBound).toHaveBeenCalledWith(memberMe({ maskedPhone: '138****5678' }));
  });

  it('checks the number first, and goes away when the server has no simulator route (404)', async () => {
    serveRoutes({});
    render(<PhoneNumberButton member={memberMe()} onBound={() => undefined} />);
    await tap('phone-open');
    typeInto('phone-input', '1381234');
    await tap('phone-submit');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请输入 11 位手机号' }));
    expect(callsTo('POST /__sim/mp/phone-code')).toHaveLength(0);
    typeInto('phone-input', '13812345678');
    await tap('phone-submit');
    expect(callsTo('POST /__sim/mp/phone-code')).toHaveLength(1);
    expect(callsTo('POST /api/mp/me/phone')).toHaveLength(0);
    expect(document.getElementById('phone-bind')).toBeNull();
    expect(screen.queryByText('绑定手机号')).toBeNull();
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
