import type { DataSource } from 'typeorm';
import { localDate } from '../../time/localDate';

/** A member's child and their age today (null when the parent left out the birth year). */
export interface ChildAge {
  name: string;
  ageMonths: number | null;
}

interface ChildRow {
  name: string;
  birth_year: number | null;
  birth_month: number;
  birth_day: number;
}

/** Whole months between a birthday and `today` (`YYYY-MM-DD`), counting a month only once its day is reached. */
export function ageInMonths(birth: { year: number; month: number; day: number }, today: string): number {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return (year - birth.year) * 12 + (month - birth.month) - (day < birth.day ? 1 : 0);
}

/** The member's children with their ages today in the stores' time zone. */
export async function childAgesOf(dataSource: DataSource, memberId: string, timeZone: string, now = new Date()): Promise<ChildAge[]> {
  const rows = (await dataSource.query('SELECT name, birth_year, birth_month, birth_day FROM children WHERE member_id = ? ORDER BY id LIMIT 10', [
    memberId,
  ])) as ChildRow[];
  const today = localDate(now, timeZone);
  return rows.map((row) => ({
    name: row.name,
    ageMonths: row.birth_year === null ? null : Math.max(0, ageInMonths({ year: row.birth_year, month: row.birth_month, day: row.birth_day }, today)),
  }));
}
