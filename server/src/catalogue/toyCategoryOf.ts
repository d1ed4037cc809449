import { TOY_CATEGORIES, TOY_CATEGORY_LABELS } from '@toyclub/shared';
import type { ToyCategory } from '@toyclub/shared';

/** Words POS category names contain, checked in order: the first hit decides. */
const KEYWORDS: Array<[RegExp, ToyCategory]> = [
  [/积木|拼搭|乐高|lego|磁力片/i, 'building_blocks'],
  [/娃娃|公仔|手办|芭比|人偶/, 'dolls'],
  [/车|飞机|火车|轨道|交通|船/, 'vehicles'],
  [/拼图|益智|魔方|迷宫/, 'puzzles'],
  [/毛绒|布偶|玩偶/, 'plush'],
  [/科学|实验|stem|编程|机器人|天文|显微/i, 'science'],
  [/手工|美术|绘画|画|黏土|粘土|diy/i, 'arts_crafts'],
  [/桌游|棋|牌/, 'board_games'],
  [/户外|运动|滑板|自行车|球|沙滩|水枪/, 'outdoor'],
  [/婴|幼|早教|启蒙|摇铃|牙胶/, 'baby'],
  [/绘本|图书|书/, 'books'],
];

/**
 * Maps a POS category name onto the app's toy categories (which children's interests use),
 * by code, by label, or by a keyword it contains; anything else is `other`.
 */
export function toyCategoryOf(label: string): ToyCategory {
  const text = label.normalize('NFKC').trim();
  if (text === '') return 'other';
  const byCode = TOY_CATEGORIES.find((code) => code === text.toLowerCase());
  if (byCode) return byCode;
  const byLabel = TOY_CATEGORIES.find((code) => TOY_CATEGORY_LABELS[code] === text);
  if (byLabel) return byLabel;
  return KEYWORDS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}
