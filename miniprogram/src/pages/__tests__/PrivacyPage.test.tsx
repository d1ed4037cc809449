import { act, fireEvent, render, screen } from '@testing-library/react';
import { PrivacyPage } from '../privacy/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { httpAnswer, request, resetStorage, showModal, storage } from '../../../test/mocks/taro';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();

function me(privacyAccepted: boolean, guardianAccepted = false) {
  return {
    id: 'm1',
    consent: { currentPolicyVersion: 'v2', privacyAccepted, privacyAcceptedVersion: privacyAccepted ? 'v2' : null, guardianAccepted },
  };
}

function serve(routes: Record<string, [number, unknown]>) {
  request.mockImplementation((options) => {
    const key = `${options.method ?? 'GET'} ${String(options.url).replace(/^https?:\/\/[^/]+/, '')}`;
    const [status, body] = routes[key] ?? [500, { error: 'internal', message: '服务出错了' }];
    return Promise.resolve(httpAnswer(status, body)) as ReturnType<typeof request>;
  });
}

beforeEach(() => {
  resetStorage();
  storage.set(SESSION_STORAGE_KEY, { token: 't1', expiresAt: FUTURE });
  process.env.TARO_ENV = 'h5';
});

describe('PrivacyPage', () => {
  it('records the privacy consent with the current version', async () => {
    serve({ 'GET /api/mp/me': [200, me(false)], 'POST /api/mp/consent': [200, me(true)] });
    render(<PrivacyPage />);
    const accept = await screen.findByText('同意');
    await act(async () => {
      fireEvent.click(accept);
    });
    await screen.findByText('已记录你的同意');
    const post = request.mock.calls.find(([options]) => options.method === 'POST');
    expect(post?.[0].data).toEqual({ policyVersion: 'v2', kind: 'privacy' });
    expect(document.getElementById('guardian-accept')).not.toBeNull();
  });

  it('exports the data and deletes the account after confirmation', async () => {
    serve({ 'GET /api/mp/me': [200, me(true, true)], 'GET /api/mp/me/export': [200, { member: { id: 'm1' } }], 'DELETE /api/mp/me': [204, null] });
    render(<PrivacyPage />);
    const exportButton = await screen.findByText('导出');
    await act(async () => {
      fireEvent.click(exportButton);
    });
    expect(document.getElementById('privacy-export-json')?.textContent).toContain('"id": "m1"');
    await act(async () => {
      fireEvent.click(screen.getByText('注销'));
    });
    expect(showModal).toHaveBeenCalled();
    await screen.findByText('账号已注销，个人信息已删除');
    expect(storage.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('shows the error state', async () => {
    serve({});
    render(<PrivacyPage />);
    await screen.findByText('服务出错了');
  });
});
