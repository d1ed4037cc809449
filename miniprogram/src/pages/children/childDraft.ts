import type { ChildDto, ChildGender, ChildInput, ToyCategory } from '@toyclub/shared';
import { TOY_CATEGORY_LABELS } from '@toyclub/shared';
import type { ChipOption } from '../../components/Chips';

/** The child form as typed. */
export interface ChildDraft {
  name: string;
  month: string;
  day: string;
  gender: ChildGender | null;
  interests: ToyCategory[];
}

/** The gender choices; none chosen is fine (gender is optional). */
export const GENDER_OPTIONS: readonly ChipOption<ChildGender>[] = [
  { value: 'boy', label: '男孩' },
  { value: 'girl', label: '女孩' },
];

/** An empty form. */
export const EMPTY_CHILD: ChildDraft = { name: '', month: '', day: '', gender: null, interests: [] };

/** A stored child as the form's starting point for 编辑. */
export function draftOf(child: ChildDto): ChildDraft {
  return { name: child.name, month: String(child.birthMonth), day: String(child.birthDay), gender: child.gender, interests: [...child.interests] };
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

/**
 * The request body, or null when name or birthday is missing. Optional fields are left
 * out when empty: the server stores a missing gender as none and missing interests as
 * none, also on `PUT`, which replaces the whole child.
 */
export function childInputOf(draft: ChildDraft, birthYear: number | null): ChildInput | null {
  const name = draft.name.trim();
  const birthMonth = wholeNumber(draft.month, 1, 12);
  const birthDay = wholeNumber(draft.day, 1, 31);
  if (name === '' || birthMonth === null || birthDay === null) return null;
  return {
    name,
    birthMonth,
    birthDay,
    ...(birthYear !== null ? { birthYear } : {}),
    ...(draft.gender ? { gender: draft.gender } : {}),
    ...(draft.interests.length > 0 ? { interests: draft.interests } : {}),
  };
}

/** "男孩 · 喜欢积木拼搭、绘本图书" for the list row; empty when neither is known. */
export function childDetails(child: ChildDto): string {
  const gender = GENDER_OPTIONS.find((option) => option.value === child.gender)?.label;
  const interests = child.interests.length > 0 ? `喜欢${child.interests.map((interest) => TOY_CATEGORY_LABELS[interest]).join('、')}` : undefined;
  return [gender, interests].filter(Boolean).join(' · ');
}
