import type { CampaignChannel } from './campaigns';

/** The automatic journeys. */
export type JourneyKey = 'birthday' | 'churn' | 'welcome' | 'expiry';

/** Every {@link JourneyKey}, in the order the console lists them. */
export const JOURNEY_KEYS: readonly JourneyKey[] = ['birthday', 'churn', 'welcome', 'expiry'];

/** The window of {@link JourneyDto.recent}, in days. */
export const JOURNEY_RECENT_DAYS = 30;

/** One journey's send records by state (all its runs, or its recent enrolments). */
export interface JourneyCountsDto {
  enrolled: number;
  pending: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
}

/** The approved template a journey sends with, as the store configured it. */
export interface JourneyTemplateDto {
  title: string;
  channel: Extract<CampaignChannel, 'template' | 'subscribe'>;
}

/** One template field of a journey's message: its label and the text filled in per member (`{childName}`...). */
export interface JourneyFieldDto {
  key: string;
  label: string;
  pattern: string;
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
  /** Null when `templateId` is not among the approved templates (the journey then sends nothing). */
  template: JourneyTemplateDto | null;
  fields: JourneyFieldDto[];
  /** The system campaign carrying its sends (null before the first run). */
  campaignId: string | null;
  lastRunAt: string | null;
  /** Why the last run sent nothing (a template missing from the approved list...), or null. */
  lastError: string | null;
  counts: JourneyCountsDto;
  /** The same counts for the members enrolled in its step in the last {@link JOURNEY_RECENT_DAYS} days. */
  recent: JourneyCountsDto;
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
