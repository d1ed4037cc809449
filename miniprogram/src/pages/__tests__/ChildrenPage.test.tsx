import { act, fireEvent, render, screen } from '@testing-library/react';
import { ChildrenPage } from '../children/index';
import { SESSION_STORAGE_KEY } from '../../auth/tokenStore';
import { httpAnswer, request, resetStorage, storage } from '../../../test/mocks/taro';

const FUTURE = new Date(Date.now() + 3600_000).toISOString();
const child = { id: 'c1', name: '小明', birthYear: null, birthMonth: 5, birthDay: 20, gender: null, interests: [] };

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

describe('ChildrenPage', () => {
  it('shows the empty state, adds a child and lists it', async () => {
    serve({ 'GET /api/mp/children': [200, { children: [] }], 'POST /api/mp/children': [201, child] });
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

  it('shows the error state', async () => {
    serve({});
    render(<ChildrenPage />);
    await screen.findByText('服务出错了');
  });
});
