import { BRAND_NAME, MEMBER_APP_TABS } from '@toyclub/shared';
import { THEME } from './theme';

// Every page is a tab for now; the first one listed opens on launch (会员卡).
export default defineAppConfig({
  pages: MEMBER_APP_TABS.map((tab) => tab.pagePath),
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
