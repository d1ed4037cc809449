import { render, screen } from '@testing-library/react';
import { PollsPage } from '../polls/index';
import { CornerPage } from '../corner/index';
import { MinePage, MINE_LINKS } from '../mine/index';

describe('tab page shells', () => {
  it('投票 shows its empty state', () => {
    render(<PollsPage />);
    expect(screen.getByText('暂无进行中的投票')).toBeTruthy();
    expect(document.getElementById('polls-empty')).not.toBeNull();
  });

  it('玩具角 invites the first share', () => {
    render(<CornerPage />);
    expect(screen.getByText('晒出你家玩具角')).toBeTruthy();
    expect(document.getElementById('corner-empty')).not.toBeNull();
  });

  it('我的 shows a guest header and every placeholder link', () => {
    render(<MinePage />);
    expect(screen.getByText('未登录')).toBeTruthy();
    for (const link of MINE_LINKS) expect(screen.getByText(link.title)).toBeTruthy();
    expect(screen.getAllByText('敬请期待')).toHaveLength(MINE_LINKS.length);
  });
});
