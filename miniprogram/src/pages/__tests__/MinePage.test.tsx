import { act, fireEvent, render, screen } from '@testing-library/react';
import { MinePage } from '../mine/index';
import { navigateTo } from '../../../test/mocks/taro';
import { memberMe } from '../../../test/memberFixtures';
import { serveRoutes } from '../../../test/serveRoutes';
import { startSignedIn } from '../../../test/pageActions';

beforeEach(() => startSignedIn('h5'));

describe('MinePage signed in', () => {
  it('shows 店员模式 to a member bound to a staff account', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe({ nickname: '小明妈妈', staffRole: 'clerk' }) });
    render(<MinePage />);
    await screen.findByText('小明妈妈');
    expect(screen.getByText('普通 · 320 积分')).toBeTruthy();
    expect(document.getElementById('mine-staff-bind')).toBeNull();
    await act(async () => {
      fireEvent.click(document.getElementById('mine-staff') as HTMLElement);
    });
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/staff/index' });
  });

  it('hides 店员模式 from other members and offers only the binding link', async () => {
    serveRoutes({ 'GET /api/mp/me': memberMe() });
    render(<MinePage />);
    await screen.findByText('会员');
    expect(document.getElementById('mine-staff')).toBeNull();
    expect(screen.queryByText('店员模式')).toBeNull();
    expect(document.getElementById('mine-staff-bind')).not.toBeNull();
  });
});
