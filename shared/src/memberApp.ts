/** A tab of the mini-program's tab bar, in display order. */
export interface MemberAppTab {
  key: 'card' | 'polls' | 'corner' | 'mine';
  /** The page path, as listed in the mini-program's app config (no leading slash). */
  pagePath: string;
  text: string;
}

/** The mini-program's tab bar: 会员卡, 投票, 玩具角, 我的. */
export const MEMBER_APP_TABS: readonly MemberAppTab[] = [
  { key: 'card', pagePath: 'pages/card/index', text: '会员卡' },
  { key: 'polls', pagePath: 'pages/polls/index', text: '投票' },
  { key: 'corner', pagePath: 'pages/corner/index', text: '玩具角' },
  { key: 'mine', pagePath: 'pages/mine/index', text: '我的' },
];

/** The brand's display name. */
export const BRAND_NAME = '玩具会员俱乐部';
