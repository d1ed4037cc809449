import type { EntityManager } from 'typeorm';
import type { JourneyKey, SegmentDefinition } from '@toyclub/shared';
import type { AppConfig } from '../config/configSchema';
import type { JourneyScope } from './journeyScope';

/** A member due for a journey step on one occasion, with the values its fields are filled from. */
export interface JourneyCandidate {
  memberId: number;
  occasionKey: string;
  values: Record<string, string>;
}

/** What a journey's candidate query gets. */
export interface CandidateQuery {
  manager: EntityManager;
  config: AppConfig;
  now: Date;
  /** The journey's step (candidates already enrolled in it are left out). */
  step: string;
  /** Birthday: the effective days before (console over configuration). */
  daysBefore: number;
  scope?: JourneyScope;
}

/** A member's enrolment made by this run, before its send is planned. */
export interface FreshEnrolment {
  id: string;
  memberId: string;
  occasionKey: string;
}

/** What a journey's grant gets: the run's transaction and its fresh enrolments, by ascending member id. */
export interface JourneyGrant {
  manager: EntityManager;
  config: AppConfig;
  now: Date;
  enrolments: FreshEnrolment[];
}

/** The configuration every journey has. */
export interface JourneyTemplateSettings {
  enabled: boolean;
  templateId: string;
  fields: Record<string, string>;
  miniProgramPage?: string;
}

/** One journey: what it is called, who it targets, and how today's members are found. */
export interface JourneyDefinition {
  key: JourneyKey;
  step: string;
  name: string;
  describe(config: AppConfig, daysBefore: number): string;
  /** A segment approximating its audience, for its system campaign and the console. */
  segment(daysBefore: number): SegmentDefinition;
  settings(config: AppConfig): JourneyTemplateSettings;
  /** Today's members not yet enrolled in the step for their occasion (set-based SQL). */
  candidates(query: CandidateQuery): Promise<JourneyCandidate[]>;
  /**
   * What the step gives each newly enrolled member besides the message (the churn
   * warning's bonus points), in the run's transaction so that it commits together with
   * the enrolment or not at all. Returns how many members were granted something.
   */
  grant?(grant: JourneyGrant): Promise<number>;
}
