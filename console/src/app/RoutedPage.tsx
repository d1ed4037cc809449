import { Result } from 'antd';
import type { StaffAccountDto } from '@toyclub/shared';
import { AuditPage } from '../pages/audit/AuditPage';
import { AutoRepliesPage } from '../pages/autoReplies/AutoRepliesPage';
import { CampaignCreatePage } from '../pages/campaigns/CampaignCreatePage';
import { CampaignDetailPage } from '../pages/campaigns/CampaignDetailPage';
import { CampaignListPage } from '../pages/campaigns/CampaignListPage';
import { CampaignReportPage } from '../pages/campaigns/CampaignReportPage';
import { JourneysPage } from '../pages/journeys/JourneysPage';
import { MemberDetailPage } from '../pages/members/MemberDetailPage';
import { MemberListPage } from '../pages/members/MemberListPage';
import { SegmentEditorPage } from '../pages/segments/SegmentEditorPage';
import { SegmentListPage } from '../pages/segments/SegmentListPage';
import { TagsPage } from '../pages/tags/TagsPage';

/** Maps the hash path to its page; ids in the path become props. */
export function RoutedPage({ path, staff }: { path: string; staff: StaffAccountDto }) {
  const parts = path.split('/').filter(Boolean);
  const [section, id, sub] = parts;
  switch (section) {
    case 'members':
      return id ? <MemberDetailPage key={id} memberId={id} staff={staff} /> : <MemberListPage />;
    case 'segments':
      if (id === 'new') return <SegmentEditorPage key="new" segmentId={null} />;
      return id ? <SegmentEditorPage key={id} segmentId={id} /> : <SegmentListPage />;
    case 'campaigns':
      if (id === 'new') return <CampaignCreatePage />;
      if (id && sub === 'report') return <CampaignReportPage key={id} campaignId={id} />;
      return id ? <CampaignDetailPage key={id} campaignId={id} /> : <CampaignListPage />;
    case 'journeys':
      return <JourneysPage />;
    case 'tags':
      return <TagsPage />;
    case 'auto-replies':
      return <AutoRepliesPage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <Result status="404" title="找不到这个页面" />;
  }
}
