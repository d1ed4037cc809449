import { render, waitFor } from '@testing-library/react';
import { CardPage } from '../card/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { OA_BOUND_MESSAGE, resetOaBindingForTests } from '../../hooks/useOaBinding';
import { httpAnswer, networkFailure, request, resetStorage, showToast, storage, useRouter } from '../../../test/mocks/taro';
import { healthBody } from '../../../test/healthFixtures';
import { memberMe, NO_CONSENT, VALID_SESSION } from '../../../test/memberFixtures';

const TOKEN = 'oaBindToken_0123456789abcdef';

const me = memberMe({ consent: NO_CONSENT });

function serve(binding: { status: number; body: unknown }) {
  request.mockImplementation((options) => {
    const path = String(options.url);
    const answer =
      path === '/api/mp/me' ? httpAnswer(200, me) : path === '/api/mp/oa-binding' ? httpAnswer(binding.status, binding.body) : httpAnswer(200, healthBody());
    return Promise.resolve(answer) as ReturnType<typeof request>;
  });
}

/** Waits until the page's own requests have answered (the service status line is the last). */
async function settled() {
  await waitFor(() => expect(document.querySelector('#service-status.service-status--ok')).not.toBeNull());
}

function bindingCalls() {
  return request.mock.calls.filter(([options]) => options.url === '/api/mp/oa-binding');
}

beforeEach(() => {
  resetStorage();
  resetOaBindingForTests();
  process.env.TARO_ENV = 'h5';
  storage.set(SESSION_STORAGE_KEY, VALID_SESSION);
});

describe('CardPage opened from the official account link', () => {
  it('binds the follower once after sign-in and says so', async () => {
    useRouter.mockReturnValue({ params: { oaBind: TOKEN }, path: '/pages/card/index' });
    serve({ status: 200, body: { bound: true, subscribed: true } });
    const first = render(<CardPage />);
    await waitFor(() => expect(showToast).toHaveBeenCalledWith({ title: OA_BOUND_MESSAGE, icon: 'success' }));
    expect(bindingCalls()).toHaveLength(1);
    expect(bindingCalls()[0]?.[0].data).toEqual({ token: TOKEN });
    expect(bindingCalls()[0]?.[0].header).toEqual(expect.objectContaining({ Authorization: 'Bearer t1' }));
    // Back on the tab with the same query: no second call.
    first.unmount();
    render(<CardPage />);
    await waitFor(() => expect(request.mock.calls.filter(([options]) => options.url === '/api/mp/me')).toHaveLength(2));
    expect(bindingCalls()).toHaveLength(1);
    await settled();
  });

  it("shows the server's Chinese reason when the link is used up", async () => {
    useRouter.mockReturnValue({ params: { oaBind: TOKEN }, path: '/pages/card/index' });
    serve({ status: 410, body: { error: 'binding_token_expired', message: '关联链接已过期，请在公众号里重新获取' } });
    render(<CardPage />);
    await waitFor(() =>
      expect(showToast).toHaveBeenCalledWith({ title: '关联链接已过期，请在公众号里重新获取', icon: 'none', duration: 3000 }),
    );
    await settled();
  });

  it('tries again on the next visit when the first call got no answer', async () => {
    useRouter.mockReturnValue({ params: { oaBind: TOKEN }, path: '/pages/card/index' });
    serve({ status: 200, body: { bound: true, subscribed: true } });
    const base = request.getMockImplementation();
    let failed = false;
    request.mockImplementation((options) => {
      if (options.url === '/api/mp/oa-binding' && !failed) {
        failed = true;
        return Promise.reject(networkFailure()) as ReturnType<typeof request>;
      }
      return (base as typeof request)(options);
    });
    const first = render(<CardPage />);
    await waitFor(() => expect(showToast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none', duration: 3000 }));
    await settled();
    first.unmount();
    render(<CardPage />);
    await waitFor(() => expect(showToast).toHaveBeenCalledWith({ title: OA_BOUND_MESSAGE, icon: 'success' }));
    expect(bindingCalls()).toHaveLength(2);
    await settled();
  });

  it('sends nothing without the parameter', async () => {
    useRouter.mockReturnValue({ params: {}, path: '/pages/card/index' });
    serve({ status: 200, body: { bound: true, subscribed: true } });
    render(<CardPage />);
    await settled();
    expect(request.mock.calls.some(([options]) => options.url === '/api/mp/me')).toBe(true);
    expect(bindingCalls()).toHaveLength(0);
  });

  it('waits for sign-in before binding', async () => {
    storage.clear();
    useRouter.mockReturnValue({ params: { oaBind: TOKEN }, path: '/pages/card/index' });
    serve({ status: 200, body: { bound: true, subscribed: true } });
    render(<CardPage />);
    await settled();
    expect(document.getElementById('sign-in')).not.toBeNull();
    expect(bindingCalls()).toHaveLength(0);
  });
});
