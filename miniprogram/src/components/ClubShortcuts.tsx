import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MEMBER_APP_TABS } from '@toyclub/shared';
import type { MemberAppTab } from '@toyclub/shared';
import './ClubShortcuts.scss';

interface Shortcut {
  tab: MemberAppTab['key'];
  title: string;
  description: string;
  /** The toy block's letter and colour, echoing the empty states. */
  glyph: string;
  tone: 'mint' | 'sun';
}

const SHORTCUTS: readonly Shortcut[] = [
  { tab: 'polls', title: '新玩具投票', description: '选出下一批新玩具', glyph: '投', tone: 'mint' },
  { tab: 'corner', title: '晒玩具角', description: '分享你的收藏角落', glyph: '晒', tone: 'sun' },
];

function openTab(key: MemberAppTab['key']): void {
  const tab = MEMBER_APP_TABS.find((candidate) => candidate.key === key);
  // Tab pages can only be opened with switchTab (navigateTo refuses them).
  if (tab) void Taro.switchTab({ url: `/${tab.pagePath}` });
}

/** Two tiles under the card that lead to the club's other tabs. Test hooks: `#shortcut-<tab>`. */
export function ClubShortcuts() {
  return (
    <View className="club-shortcuts">
      {SHORTCUTS.map((shortcut) => (
        <View
          key={shortcut.tab}
          id={`shortcut-${shortcut.tab}`}
          className={`club-shortcuts__tile club-shortcuts__tile--${shortcut.tone}`}
          onClick={() => openTab(shortcut.tab)}
        >
          <View className="club-shortcuts__glyph">
            <Text>{shortcut.glyph}</Text>
          </View>
          <View className="club-shortcuts__text">
            <Text className="club-shortcuts__title">{shortcut.title}</Text>
            <Text className="club-shortcuts__description">{shortcut.description}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
