import type { ChildDto } from '@toyclub/shared';
import type { Child } from './Child';

/** A child as the member sees it. */
export function presentChild(child: Child): ChildDto {
  return {
    id: child.id,
    name: child.name,
    birthYear: child.birthYear,
    birthMonth: child.birthMonth,
    birthDay: child.birthDay,
    gender: child.gender,
    interests: child.interests,
  };
}
