import type { JourneyKey } from '@toyclub/shared';
import { Task } from '../queue/Task';
import type { TaskContext } from '../queue/Task';
import { journeyRunner } from './journeyRunner';

/**
 * One journey's daily run, registered as a repeatable job (one task per journey, since a
 * repeatable schedule is kept per task name). Safe to run twice: enrolments are unique.
 */
export class JourneyTask extends Task<Record<string, never>> {
  readonly name: string;

  constructor(readonly journey: JourneyKey) {
    super();
    this.name = `journeys.${journey}`;
  }

  async perform(_payload: Record<string, never>, { system, log }: TaskContext): Promise<void> {
    await journeyRunner({ system, key: this.journey, log });
  }
}
