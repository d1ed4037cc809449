import type { ToyCategory } from '@toyclub/shared';
import { TOY_CATEGORIES, TOY_CATEGORY_LABELS } from '@toyclub/shared';
import type { ChipOption } from './Chips';

/** The shared toy categories as chip options, in their catalogue order. */
export const TOY_CATEGORY_OPTIONS: readonly ChipOption<ToyCategory>[] = TOY_CATEGORIES.map((value) => ({ value, label: TOY_CATEGORY_LABELS[value] }));
