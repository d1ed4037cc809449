import { reportCampaignClick } from '../campaignClicks';
import { httpAnswer, networkFailure, request } from '../../../test/mocks/taro';

describe('reportCampaignClick', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    process.env.TARO_APP_API_BASE = 'http://api.test';
    request.mockReset();
  });

  it('posts the ctk parameter once, without the member token', async () => {
    request.mockResolvedValue(httpAnswer(200, { recorded: true, clickCount: 1 }));
    await expect(reportCampaignClick({ id: '3', ctk: 'c1a.mk2x.AbC' })).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://api.test/api/mp/campaign-clicks', method: 'POST', data: { token: 'c1a.mk2x.AbC' } }),
    );
    expect(request.mock.calls[0]![0].header).not.toHaveProperty('Authorization');
    await expect(reportCampaignClick({ ctk: 'c1a.mk2x.AbC' })).resolves.toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a ctk parameter, and never rejects when the server refuses or is unreachable', async () => {
    await expect(reportCampaignClick(undefined)).resolves.toBe(false);
    await expect(reportCampaignClick({ id: '3' })).resolves.toBe(false);
    expect(request).not.toHaveBeenCalled();
    request.mockResolvedValue(httpAnswer(410, { error: 'click_link_expired', message: '链接已过期' }));
    await expect(reportCampaignClick({ ctk: 'expired-token' })).resolves.toBe(false);
    request.mockRejectedValue(networkFailure());
    await expect(reportCampaignClick({ ctk: 'offline-token' })).resolves.toBe(false);
  });
});
