import { useState } from 'react';
import { Button, Tooltip } from 'antd';
import type { SegmentDefinition, SegmentPreviewDto } from '@toyclub/shared';
import { api } from '../../api/apiClient';
import { errorMessage } from '../../api/ApiError';

/**
 * A saved segment's current size, counted on demand: each count runs the audience query
 * (and the preview's audited sample), so the list does not run one per row on every visit.
 */
export function SegmentCountCell({ definition }: { definition: SegmentDefinition }) {
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = async (): Promise<void> => {
    setLoading(true);
    try {
      setCount((await api.post<SegmentPreviewDto>('/api/admin/segments/preview', { definition })).count);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  };

  if (count !== null) return <span className="segment-count">{count} 人</span>;
  return (
    <Tooltip title={error}>
      <Button
        size="small"
        danger={error !== null}
        loading={loading}
        onClick={(event) => {
          // The row itself opens the segment: counting must not navigate away.
          event.stopPropagation();
          void load();
        }}
      >
        {error ? '重试' : '计算人数'}
      </Button>
    </Tooltip>
  );
}
