import { act, fireEvent, render, screen } from '@testing-library/react';
import { CardPage } from '../card/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { httpAnswer, navigateTo, request, resetStorage, storage } from '../../../test/mocks/taro';
import { healthBody } from '../../../test/healthFixtures';
import { memberMe } from '../../../test/memberFixtures';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();

const member = memberMe;

/** Answers each request by its URL. */
function serve(routes: Record<string, unknown>) {
  request.mockImplementation((options) => {
    const path = String(options.url).replace(/^https?:\/\/[^/]+/, '');
    if (path in routes) return Promise.resolve(httpAnswer(200, routes[path])) as ReturnType<typeof request>;
    if (path === '/healthz') return Promise.resolve(httpAnswer(200, healthBody())) as ReturnType<typeof request>;
    return Promise.resolve(httpAnswer(404, { error: 'not_found', message: '找不到' })) as ReturnType<typeof request>;
  });
}

beforeEach(() => {
  resetStorage();
  process.env.TARO_ENV = 'h5';
});

describe('CardPage signed in', () => {
  it('signs in with the button, then shows tier, balance, progress and the card code', async () => {
    serve({
      '/__sim/mp/login-code': { code: 'c1' },
      '/api/mp/session': { token: 't1', expiresAt: FUTURE, member: member() },
      '/api/mp/card-code': { code: 'CARD.abc', expiresAt: FUTURE, refreshInSeconds: 60 },
    });
    render(<CardPage />);
    fireEvent.click(document.getElementById('sign-in') as HTMLElement);
    await screen.findByText('CARD.abc');
    expect(document.getElementById('member-card-tier')?.textContent).toBe('普通');
    expect(document.getElementById('member-card-balance')?.textContent).toBe('320');
    expect(document.getElementById('member-card-progress')?.textContent).toBe('再消费 ¥600.00 升级银卡');
    expect(storage.get(SESSION_STORAGE_KEY)).toEqual({ token: 't1', expiresAt: FUTURE });
    fireEvent.click(document.getElementById('link-points') as HTMLElement);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/points/index' });
  });

  it('asks for consent first and issues no card code until it is given', async () => {
    storage.set(SESSION_STORAGE_KEY, { token: 't1', expiresAt: FUTURE });
    const noConsent = member({ consent: { currentPolicyVersion: '2026-01', privacyAccepted: false, privacyAcceptedVersion: null, guardianAccepted: false } });
    serve({ '/api/mp/me': noConsent, '/api/mp/consent': member(), '/api/mp/card-code': { code: 'CARD.xyz', expiresAt: FUTURE, refreshInSeconds: 60 } });
    render(<CardPage />);
    await screen.findByText('同意并继续');
    expect(request.mock.calls.some(([options]) => String(options.url).endsWith('/api/mp/card-code'))).toBe(false);
    await act(async () => {
      fireEvent.click(document.getElementById('consent-accept') as HTMLElement);
    });
    await screen.findByText('CARD.xyz');
    const consentCall = request.mock.calls.find(([options]) => String(options.url).endsWith('/api/mp/consent'));
    expect(consentCall?.[0].data).toEqual({ policyVersion: '2026-01', kind: 'privacy' });
    expect(consentCall?.[0].header).toEqual(expect.objectContaining({ Authorization: 'Bearer t1' }));
    expect(document.getElementById('consent-prompt')).toBeNull();
  });

  it('shows an error with a retry when /api/mp/me fails', async () => {
    storage.set(SESSION_STORAGE_KEY, { token: 't1', expiresAt: FUTURE });
    serve({});
    render(<CardPage />);
    await screen.findByText('找不到');
    expect(document.getElementById('card-error')).not.toBeNull();
  });
});
