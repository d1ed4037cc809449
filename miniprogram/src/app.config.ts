import { BRAND_NAME, MEMBER_APP_TABS } from '@toyclub/shared';
import { THEME } from './theme';

/** Pages reached from the tabs (积分明细, 积分兑换, ...), listed after them. */
const MEMBER_PAGES = ['pages/points/index', 'pages/rewards/index', 'pages/privacy/index', 'pages/children/index', 'pages/scan/index'];

/**
 * 店员模式 is for staff only: a subpackage, so members never download it and it does not
 * count against the main package's 2 MB.
 */
const STAFF_SUBPACKAGE = { root: 'pages/staff', pages: ['index'] };

// The tabs come first; the first one listed opens on launch (会员卡).
export default defineAppConfig({
  pages: [...MEMBER_APP_TABS.map((tab) => tab.pagePath), ...MEMBER_PAGES],
  subPackages: [STAFF_SUBPACKAGE],
  window: {
    navigationBarTitleText: BRAND_NAME,
    navigationBarBackgroundColor: THEME.brand,
    navigationBarTextStyle: 'white',
    backgroundColor: THEME.paper,
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: THEME.inkSoft,
    selectedColor: THEME.brandDeep,
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: MEMBER_APP_TABS.map((tab) => ({
      pagePath: tab.pagePath,
      text: tab.text,
      iconPath: `assets/tabbar/${tab.key}.png`,
      selectedIconPath: `assets/tabbar/${tab.key}-active.png`,
    })),
  },
});
