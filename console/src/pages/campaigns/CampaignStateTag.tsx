import { Tag } from 'antd';
import type { CampaignState } from '@toyclub/shared';
import { CAMPAIGN_STATE_LABELS } from './campaignLabels';

/** A campaign's state as a coloured tag. */
export function CampaignStateTag({ state }: { state: CampaignState }) {
  const { label, color } = CAMPAIGN_STATE_LABELS[state];
  return (
    <Tag color={color} className={`campaign-state campaign-state--${state}`}>
      {label}
    </Tag>
  );
}
