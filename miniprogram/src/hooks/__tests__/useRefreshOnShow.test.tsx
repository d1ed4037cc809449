import { act, render, screen } from '@testing-library/react';
import { MinePage } from '../../pages/mine/index';
import { request, useDidShow } from '../../../test/mocks/taro';
import { memberMe } from '../../../test/memberFixtures';
import { startSignedIn } from '../../../test/pageActions';
import { serveRoutes } from '../../../test/serveRoutes';

/** Plays Taro showing the page again (the callback the page registered last). */
async function showAgain() {
  const callback = useDidShow.mock.calls[useDidShow.mock.calls.length - 1]?.[0];
  await act(async () => {
    callback?.();
  });
}

function meCalls() {
  return request.mock.calls.filter(([options]) => options.url === '/api/mp/me').length;
}

beforeEach(() => startSignedIn('h5'));

describe('useRefreshOnShow (on 我的)', () => {
  it('refetches the member when the tab is shown again, not on its first show', async () => {
    let points = 320;
    serveRoutes({ 'GET /api/mp/me': () => memberMe({ pointsBalance: points }) });
    render(<MinePage />);
    await screen.findByText('普通 · 320 积分');
    await showAgain();
    expect(meCalls()).toBe(1);
    points = 579;
    await showAgain();
    await screen.findByText('普通 · 579 积分');
    expect(meCalls()).toBe(2);
  });

  it('keeps what it shows when the refetch fails', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe() });
    render(<MinePage />);
    await screen.findByText('普通 · 320 积分');
    await showAgain();
    serveRoutes({ 'GET /api/mp/me': { status: 503, body: { error: 'unavailable', message: '服务暂时不可用' } } });
    await showAgain();
    expect(screen.getByText('普通 · 320 积分')).toBeTruthy();
  });
});
