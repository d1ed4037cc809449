import { createHash } from 'node:crypto';

/**
 * A uniform draw in [0, 1) for one member of one campaign, the same every time it is
 * computed: a restarted planner puts every member in the same holdout group and variant.
 */
export function memberDraw(campaignId: string, memberId: number | string, purpose: 'holdout' | 'variant'): number {
  const digest = createHash('sha256').update(`${purpose}:${campaignId}:${memberId}`).digest();
  return digest.readUInt32BE(0) / 0x1_0000_0000;
}
