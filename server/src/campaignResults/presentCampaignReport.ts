import type { CampaignGroupResultDto, CampaignReportDto, CampaignState, CampaignUpliftDto, CampaignVariantReportDto } from '@toyclub/shared';
import type { ConversionFigures } from './conversionQuery';
import type { SendBreakdownRow } from './sendBreakdownQuery';

/** What {@link presentCampaignReport} is built from. */
export interface CampaignReportFigures {
  campaign: { id: string; name: string; state: CampaignState };
  conversionWindowDays: number;
  breakdown: SendBreakdownRow[];
  conversions: ConversionFigures[];
  generatedAt: Date;
}

interface Tally {
  audience: number;
  heldOut: number;
  pending: number;
  sent: number;
  delivered: number;
  deliveryFailed: number;
  failed: number;
  skipped: number;
  uniqueClicks: number;
  totalClicks: number;
}

const emptyTally = (): Tally => ({ audience: 0, heldOut: 0, pending: 0, sent: 0, delivered: 0, deliveryFailed: 0, failed: 0, skipped: 0, uniqueClicks: 0, totalClicks: 0 });

// Six decimals: exact enough for any rate, free of floating-point noise in the JSON.
const round = (value: number): number => Math.round(value * 1e6) / 1e6;
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole));

const undelivered = (row: SendBreakdownRow): boolean => row.deliveryStatus === 'blocked' || row.deliveryStatus === 'failed';

// The engine marks a send whose delivery report failed `failed` (without an error code):
// it is told apart by its report, and named by WeChat's status text.
const failureName = (row: SendBreakdownRow): string => (row.errorCode !== null ? String(row.errorCode) : (row.deliveryDetail ?? row.deliveryStatus ?? 'unknown'));

function add(tally: Tally, row: SendBreakdownRow): void {
  tally.audience += row.count;
  tally.uniqueClicks += row.uniqueClicks;
  tally.totalClicks += row.totalClicks;
  if (row.state === 'held_out') tally.heldOut += row.count;
  else if (row.state === 'pending') tally.pending += row.count;
  else if (row.state === 'skipped') tally.skipped += row.count;
  else if (row.state === 'failed') {
    tally.failed += row.count;
    if (undelivered(row)) tally.deliveryFailed += row.count;
  } else if (row.state === 'sent' || row.state === 'delivered') {
    tally.sent += row.count;
    // A report that arrived before the send record had its msgid still counts.
    if (row.state === 'delivered' || row.deliveryStatus === 'delivered') tally.delivered += row.count;
  }
}

function countBy(rows: SendBreakdownRow[], keep: (row: SendBreakdownRow) => boolean, key: (row: SendBreakdownRow) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const row of rows.filter(keep)) counts.set(key(row), (counts.get(key(row)) ?? 0) + row.count);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function groupResult(members: number, conversions: ConversionFigures[]): CampaignGroupResultDto {
  const converted = conversions.reduce((sum, row) => sum + row.conversions, 0);
  const revenueFen = conversions.reduce((sum, row) => sum + row.revenueFen, 0);
  return {
    members,
    conversions: converted,
    purchases: conversions.reduce((sum, row) => sum + row.purchases, 0),
    revenueFen,
    conversionRate: ratio(converted, members),
    revenuePerMemberFen: members === 0 ? null : Math.round((revenueFen * 100) / members) / 100,
  };
}

// From the counts, not the rounded rates, so that rounding never compounds.
function uplift(treatment: CampaignGroupResultDto, holdout: CampaignGroupResultDto): CampaignUpliftDto {
  if (treatment.members === 0 || holdout.members === 0) return { absolute: null, relative: null };
  const treatmentRate = treatment.conversions / treatment.members;
  const holdoutRate = holdout.conversions / holdout.members;
  const absolute = treatmentRate - holdoutRate;
  return { absolute: round(absolute), relative: holdoutRate === 0 ? null : round(absolute / holdoutRate) };
}

/**
 * The campaign report: the delivery funnel (audience → held out, skipped, failed, sent →
 * delivered), clicks, and conversions of the sent group against the holdout, overall and
 * per content variant (each variant against the campaign's one holdout).
 */
export function presentCampaignReport(figures: CampaignReportFigures): CampaignReportDto {
  const total = emptyTally();
  const perVariant = new Map<number, Tally>();
  for (const row of figures.breakdown) {
    add(total, row);
    if (row.state === 'held_out') continue;
    if (!perVariant.has(row.variant)) perVariant.set(row.variant, emptyTally());
    add(perVariant.get(row.variant)!, row);
  }
  const treatmentRows = figures.conversions.filter((row) => row.group === 'treatment');
  const treatment = groupResult(total.sent, treatmentRows);
  const holdout = groupResult(total.heldOut, figures.conversions.filter((row) => row.group === 'holdout'));
  // The planner draws the holdout from the whole audience, reachable or not: only every
  // member not held out is its like-for-like counterpart.
  const intentToTreat = groupResult(total.audience - total.heldOut, figures.conversions.filter((row) => row.group !== 'holdout'));
  const variants: CampaignVariantReportDto[] = [...perVariant.keys()].sort((a, b) => a - b).map((variant) => {
    const tally = perVariant.get(variant)!;
    const result = groupResult(tally.sent, treatmentRows.filter((row) => row.variant === variant));
    return {
      variant,
      audience: tally.audience,
      sent: tally.sent,
      delivered: tally.delivered,
      deliveryFailed: tally.deliveryFailed,
      failed: tally.failed,
      skipped: tally.skipped,
      uniqueClicks: tally.uniqueClicks,
      clickRate: ratio(tally.uniqueClicks, tally.sent),
      result,
      uplift: uplift(result, holdout),
    };
  });
  return {
    campaignId: figures.campaign.id,
    name: figures.campaign.name,
    state: figures.campaign.state,
    conversionWindowDays: figures.conversionWindowDays,
    audience: total.audience,
    heldOut: total.heldOut,
    pending: total.pending,
    sent: total.sent,
    delivered: total.delivered,
    deliveryFailed: {
      total: total.deliveryFailed,
      byStatus: countBy(figures.breakdown, (row) => row.state === 'failed' && undelivered(row), failureName).map(([status, count]) => ({ status, count })),
    },
    failed: {
      total: total.failed,
      byError: countBy(figures.breakdown, (row) => row.state === 'failed', failureName).map(([error, count]) => ({ error, count })),
    },
    skipped: {
      total: total.skipped,
      byReason: countBy(figures.breakdown, (row) => row.state === 'skipped', (row) => row.skipReason ?? 'unknown').map(([reason, count]) => ({ reason, count })),
    },
    clicks: { unique: total.uniqueClicks, total: total.totalClicks, clickRate: ratio(total.uniqueClicks, total.sent) },
    treatment,
    holdout,
    uplift: uplift(treatment, holdout),
    intentToTreat,
    upliftIntentToTreat: uplift(intentToTreat, holdout),
    variants,
    generatedAt: figures.generatedAt.toISOString(),
  };
}
