import type { CampaignChannel, CampaignInput, CampaignPurpose, CampaignVariant } from '@toyclub/shared';

/** The create form's values, flat where antd's Form wants them flat. */
export interface CampaignFormValues {
  name: string;
  segmentId: string;
  channel: CampaignChannel;
  purpose: CampaignPurpose;
  templateId?: string;
  tagId?: string;
  variants: Array<{ fields?: Record<string, string | undefined>; text?: string; url?: string; miniProgramPage?: string }>;
  scheduleKind: 'now' | 'at' | 'recurring';
  cron?: string;
  capEnabled: boolean;
  capMaxSends?: number;
  capPerDays?: number;
  quietEnabled: boolean;
  quietStart?: string;
  quietEnd?: string;
  holdoutPercent: number;
}

/** The form's starting values: a service notice by template, sent now, no options. */
export const INITIAL_CAMPAIGN_VALUES: Partial<CampaignFormValues> = {
  channel: 'template',
  purpose: 'service',
  variants: [{}],
  scheduleKind: 'now',
  capEnabled: false,
  capMaxSends: 2,
  capPerDays: 7,
  quietEnabled: false,
  quietStart: '21:00',
  quietEnd: '09:00',
  holdoutPercent: 10,
};

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function toVariant(values: CampaignFormValues['variants'][number], usesTemplate: boolean): CampaignVariant {
  const fields = Object.fromEntries(Object.entries(values.fields ?? {}).flatMap(([key, value]) => (text(value) ? [[key, text(value)!]] : [])));
  return {
    ...(usesTemplate ? { fields } : { text: text(values.text) }),
    url: text(values.url),
    miniProgramPage: text(values.miniProgramPage),
  };
}

/** The API body for the form's values; `at` is the chosen send time (ISO) for a timed campaign. */
export function toCampaignInput(values: CampaignFormValues, at: string | null): CampaignInput {
  const usesTemplate = values.channel === 'template' || values.channel === 'subscribe';
  const schedule: CampaignInput['schedule'] =
    values.scheduleKind === 'at' ? { kind: 'at', at: at ?? '' } : values.scheduleKind === 'recurring' ? { kind: 'recurring', cron: values.cron ?? '' } : { kind: 'now' };
  return {
    name: values.name.trim(),
    segmentId: values.segmentId,
    channel: values.channel,
    content: {
      purpose: values.purpose,
      templateId: usesTemplate ? values.templateId : undefined,
      tagId: values.channel === 'mass_tag' ? values.tagId : undefined,
      variants: values.variants.map((variant) => toVariant(variant, usesTemplate)),
    },
    schedule,
    frequencyCap: values.capEnabled && values.capMaxSends && values.capPerDays ? { maxSends: values.capMaxSends, perDays: values.capPerDays } : null,
    quietHours: values.quietEnabled && values.quietStart && values.quietEnd ? { start: values.quietStart, end: values.quietEnd } : null,
    holdoutPercent: values.holdoutPercent,
  };
}
