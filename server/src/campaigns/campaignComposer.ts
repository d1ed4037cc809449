import type { EntityManager } from 'typeorm';
import { errors } from '../app/errors';
import { runInTransaction } from '../db/runInTransaction';
import { loadSegmentAudience } from '../segments/segmentAudience';
import type { System } from '../system/System';
import { Campaign } from './Campaign';
import type { CampaignRuleInput } from './campaignChannelRules';
import { checkCampaignChannel } from './campaignChannelRules';
import type { CampaignInputParsed } from './campaignSchemas';

/** Checks a campaign's channel against its content and audience (on compose and on schedule). */
export async function checkComposedCampaign({
  system,
  manager,
  input,
  now,
}: {
  system: System;
  manager: EntityManager;
  input: CampaignRuleInput;
  now: Date;
}): Promise<void> {
  const audience = await loadSegmentAudience({ manager, segmentId: Number(input.segmentId), config: system.config, now });
  await checkCampaignChannel({ manager, config: system.config, input, audience, now });
}

/**
 * Composes a campaign as a draft, after WeChat's channel rules accepted its content and
 * audience (a refusal is a 422 that says why, and creates nothing).
 */
export async function campaignComposer({ system, staffId, input, now }: { system: System; staffId: string; input: CampaignInputParsed; now: Date }): Promise<Campaign> {
  const scheduledAt = input.schedule.kind === 'at' ? new Date(input.schedule.at) : null;
  if (scheduledAt && scheduledAt.getTime() <= now.getTime()) throw errors.badRequest('schedule_in_past', '发送时间必须晚于现在');
  return runInTransaction(system.dataSource, async (manager) => {
    await checkComposedCampaign({ system, manager, input: { ...input, scheduleKind: input.schedule.kind }, now });
    const repository = manager.getRepository(Campaign);
    return repository.save(
      repository.create({
        name: input.name,
        segmentId: input.segmentId,
        channel: input.channel,
        content: input.content,
        scheduleKind: input.schedule.kind,
        scheduledAt,
        recurrence: input.schedule.kind === 'recurring' ? input.schedule.cron : null,
        frequencyCap: input.frequencyCap ?? null,
        quietHours: input.quietHours ?? null,
        holdoutPercent: input.holdoutPercent,
        state: 'draft',
        pausedUntil: null,
        stopReason: null,
        plannedCount: 0,
        generation: 0,
        createdByStaffId: staffId,
      }),
    );
  });
}
