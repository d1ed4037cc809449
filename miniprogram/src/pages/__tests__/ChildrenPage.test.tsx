import { act, fireEvent, render, screen } from '@testing-library/react';
import { ChildrenPage } from '../children/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { httpAnswer, request, resetStorage, storage } from '../../../test/mocks/taro';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();
const child = { id: 'c1', name: '小明', birthYear: null, birthMonth: 5, birthDay: 20, gender: null, interests: [] };

function me(privacyAccepted: boolean, guardianAccepted: boolean) {
  return {
    id: 'm1',
    consent: { currentPolicyVersion: 'v2', privacyAccepted, privacyAcceptedVersion: privacyAccepted ? 'v2' : null, guardianAccepted },
  };
}

/** Answers by `METHOD path`; a function answers afresh on each call (state that changes). */
function serve(routes: Record<string, [number, unknown] | (() => [number, unknown])>) {
  request.mockImplementation((options) => {
    const key = `${options.method ?? 'GET'} ${String(options.url).replace(/^https?:\/\/[^/]+/, '')}`;
    const route = routes[key] ?? [500, { error: 'internal', message: '服务出错了' }];
    const [status, body] = typeof route === 'function' ? route() : route;
    return Promise.resolve(httpAnswer(status, body)) as ReturnType<typeof request>;
  });
}

const consented: Record<string, [number, unknown]> = { 'GET /api/mp/me': [200, me(true, true)] };

beforeEach(() => {
  resetStorage();
  storage.set(SESSION_STORAGE_KEY, { token: 't1', expiresAt: FUTURE });
  process.env.TARO_ENV = 'h5';
});

describe('ChildrenPage', () => {
  it('shows the empty state, adds a child and lists it', async () => {
    serve({ ...consented, 'GET /api/mp/children': [200, { children: [] }], 'POST /api/mp/children': [201, child] });
    render(<ChildrenPage />);
    await screen.findByText('还没有添加孩子');
    fireEvent.change(document.getElementById('child-name') as HTMLElement, { target: { value: '小明' } });
    fireEvent.change(document.getElementById('child-month') as HTMLElement, { target: { value: '5' } });
    fireEvent.change(document.getElementById('child-day') as HTMLElement, { target: { value: '20' } });
    await act(async () => {
      fireEvent.click(screen.getByText('添加'));
    });
    await screen.findByText('小明');
    const post = request.mock.calls.find(([options]) => options.method === 'POST');
    expect(post?.[0].data).toEqual({ name: '小明', birthMonth: 5, birthDay: 20 });
  });

  it('removes a child', async () => {
    serve({
      ...consented,
      'GET /api/mp/children': [200, { children: [child] }],
      'DELETE /api/mp/children/c1': [204, null],
    });
    render(<ChildrenPage />);
    await screen.findByText('小明');
    await act(async () => {
      fireEvent.click(screen.getByText('删除'));
    });
    await screen.findByText('还没有添加孩子');
  });

  it('asks for the guardian consent before listing children, then shows them', async () => {
    let guardianAccepted = false;
    serve({
      'GET /api/mp/me': () => [200, me(true, guardianAccepted)],
      'POST /api/mp/consent': () => {
        guardianAccepted = true;
        return [200, me(true, true)];
      },
      'GET /api/mp/children': () => (guardianAccepted ? [200, { children: [child] }] : [403, { error: 'guardian_consent_required', message: '需要监护人同意' }]),
    });
    render(<ChildrenPage />);
    const accept = await screen.findByText('同意');
    expect(request.mock.calls.some(([options]) => String(options.url).endsWith('/api/mp/children'))).toBe(false);
    await act(async () => {
      fireEvent.click(accept);
    });
    await screen.findByText('小明');
    const post = request.mock.calls.find(([options]) => options.method === 'POST');
    expect(post?.[0].data).toEqual({ policyVersion: 'v2', kind: 'guardian' });
  });

  it('sends a member without privacy consent to 隐私与授权 first', async () => {
    serve({ 'GET /api/mp/me': [200, me(false, false)] });
    render(<ChildrenPage />);
    await screen.findByText('去同意');
    expect(document.getElementById('children-guardian-accept')).toBeNull();
  });

  it('shows the error state', async () => {
    serve({});
    render(<ChildrenPage />);
    await screen.findByText('服务出错了');
  });
});
