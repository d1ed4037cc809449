import type { ReactNode } from 'react';
import { Alert, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';

/** A list page's frame: the title, a 新建… button top right, the load error if any, then the list. */
export function ListCard({ title, newLabel, newId, onNew, error, children }: { title: string; newLabel: string; newId: string; onNew: () => void; error: string | null; children: ReactNode }) {
  return (
    <Card
      title={title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={onNew} id={newId}>
          {newLabel}
        </Button>
      }
    >
      {error && <Alert type="error" showIcon message={error} />}
      {children}
    </Card>
  );
}
