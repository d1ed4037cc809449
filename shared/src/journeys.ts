/** The automatic journeys. */
export type JourneyKey = 'birthday' | 'churn' | 'welcome' | 'expiry';

/** Every {@link JourneyKey}, in the order the console lists them. */
export const JOURNEY_KEYS: readonly JourneyKey[] = ['birthday', 'churn', 'welcome', 'expiry'];

/** One journey's send records by state (all its runs). */
export interface JourneyCountsDto {
  enrolled: number;
  pending: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
}

/** One entry of `GET /api/admin/journeys`. */
export interface JourneyDto {
  key: JourneyKey;
  name: string;
  description: string;
  enabled: boolean;
  /** Birthday journey only: greet this many days before. */
  daysBefore: number | null;
  templateId: string;
  /** The system campaign carrying its sends (null before the first run). */
  campaignId: string | null;
  lastRunAt: string | null;
  /** Why the last run sent nothing (a template missing from the approved list...), or null. */
  lastError: string | null;
  counts: JourneyCountsDto;
}

/** `GET /api/admin/journeys`. */
export interface JourneyListDto {
  journeys: JourneyDto[];
}

/** `PATCH /api/admin/journeys/:key`. */
export interface JourneyPatchInput {
  enabled?: boolean;
  daysBefore?: number;
}
