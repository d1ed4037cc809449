/** The toy categories used for purchase items and children's interests. */
export const TOY_CATEGORIES = [
  'building_blocks',
  'dolls',
  'vehicles',
  'puzzles',
  'plush',
  'science',
  'arts_crafts',
  'board_games',
  'outdoor',
  'baby',
  'books',
  'other',
] as const;

/** One of {@link TOY_CATEGORIES}. */
export type ToyCategory = (typeof TOY_CATEGORIES)[number];

/** The Chinese label of each toy category, as shown to parents and staff. */
export const TOY_CATEGORY_LABELS: Record<ToyCategory, string> = {
  building_blocks: '积木拼搭',
  dolls: '娃娃公仔',
  vehicles: '车模交通',
  puzzles: '拼图益智',
  plush: '毛绒玩具',
  science: '科学实验',
  arts_crafts: '手工美术',
  board_games: '桌游棋牌',
  outdoor: '户外运动',
  baby: '婴幼启蒙',
  books: '绘本图书',
  other: '其他',
};
