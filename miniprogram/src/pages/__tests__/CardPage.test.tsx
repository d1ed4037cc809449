import { act, fireEvent, render, screen } from '@testing-library/react';
import { BRAND_NAME } from '@toyclub/shared';
import { CardPage } from '../card/index';
import { NETWORK_ERROR_MESSAGE } from '../../api/client';
import { SERVICE_STATUS_TEXT } from '../../components/ServiceStatus';
import { httpAnswer, networkFailure, request, switchTab } from '../../../test/mocks/taro';
import { degradedHealthBody, healthBody } from '../../../test/healthFixtures';

function statusLine(): HTMLElement {
  const element = document.getElementById('service-status');
  if (!element) throw new Error('#service-status is not rendered');
  return element;
}

beforeEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('CardPage', () => {
  it('shows the brand and the signed-out card, never a made-up member', async () => {
    request.mockResolvedValue(httpAnswer(200, healthBody()));
    render(<CardPage />);
    expect(screen.getAllByText(BRAND_NAME).length).toBeGreaterThan(0);
    expect(document.getElementById('member-card')).toHaveProperty('textContent', expect.stringContaining('登录后查看会员卡'));
    await screen.findByText(SERVICE_STATUS_TEXT.ok);
  });

  it('shows the loading state while /healthz has not answered', () => {
    // A request that never settles keeps the page in its first state.
    request.mockReturnValue(new Promise(() => undefined) as ReturnType<typeof request>);
    render(<CardPage />);
    expect(statusLine().className).toContain('service-status--loading');
    expect(statusLine().textContent).toBe(SERVICE_STATUS_TEXT.loading);
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: '/healthz' }));
  });

  it('shows 服务正常 when /healthz answers ok', async () => {
    request.mockResolvedValue(httpAnswer(200, healthBody()));
    render(<CardPage />);
    await screen.findByText('服务正常');
    expect(statusLine().className).toContain('service-status--ok');
    expect(document.getElementById('service-status-retry')).toBeNull();
  });

  it('says the service is busy when /healthz answers 503', async () => {
    request.mockResolvedValue(httpAnswer(503, degradedHealthBody()));
    render(<CardPage />);
    await screen.findByText(SERVICE_STATUS_TEXT.degraded);
    expect(statusLine().className).toContain('service-status--degraded');
  });

  it('shows the network error in Chinese, and 服务正常 after a successful retry', async () => {
    request.mockRejectedValueOnce(networkFailure()).mockResolvedValueOnce(httpAnswer(200, healthBody()));
    render(<CardPage />);
    await screen.findByText(NETWORK_ERROR_MESSAGE);
    expect(statusLine().className).toContain('service-status--error');

    fireEvent.click(screen.getByText('重试'));
    await screen.findByText('服务正常');
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('shows the server’s own message when it answers with an error body', async () => {
    request.mockResolvedValue(httpAnswer(500, { error: 'internal_error', message: '服务器开小差了，请稍后再试' }));
    render(<CardPage />);
    await screen.findByText('服务器开小差了，请稍后再试');
    expect(statusLine().className).toContain('service-status--error');
  });

  it('drops an answer that arrives after the page is gone', async () => {
    let answer: (value: ReturnType<typeof httpAnswer>) => void = () => undefined;
    request.mockReturnValue(new Promise((resolve) => (answer = resolve)) as ReturnType<typeof request>);
    const { unmount } = render(<CardPage />);
    unmount();
    // Nothing to assert on screen: the point is that no state update hits an unmounted tree.
    await act(async () => answer(httpAnswer(200, healthBody())));
    expect(document.getElementById('service-status')).toBeNull();
  });

  it('opens the polls tab from its shortcut', async () => {
    request.mockResolvedValue(httpAnswer(200, healthBody()));
    render(<CardPage />);
    await screen.findByText('服务正常');
    const shortcut = document.getElementById('shortcut-polls');
    if (!shortcut) throw new Error('#shortcut-polls is not rendered');
    fireEvent.click(shortcut);
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/polls/index' });
  });
});
