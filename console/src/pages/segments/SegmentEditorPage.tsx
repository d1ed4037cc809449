import { Alert, Card } from 'antd';
import type { SegmentDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { SegmentEditor } from './SegmentEditor';

/** A segment's page: loads the saved segment (none for a new one), then its editor. */
export function SegmentEditorPage({ segmentId }: { segmentId: string | null }) {
  const existing = useApi<SegmentDto>(segmentId ? `/api/admin/segments/${segmentId}` : null);
  if (existing.error) return <Alert type="error" showIcon message={existing.error} />;
  if (segmentId && !existing.data) return <Card loading />;
  return <SegmentEditor segmentId={segmentId} initial={existing.data} />;
}

