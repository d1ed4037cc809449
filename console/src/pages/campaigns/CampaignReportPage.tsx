import { lazy, Suspense } from 'react';
import { Alert, Button, Card, Col, Row, Space, Spin, Statistic, Table } from 'antd';
import type { CampaignReportDto, CampaignVariantReportDto } from '@toyclub/shared';
import { useApi } from '../../api/useApi';
import { navigate } from '../../app/useHashRoute';
import { formatDateTime, formatPoints, formatRate, formatYuan } from '../../format/formatters';
import { CampaignStateTag } from './CampaignStateTag';

// echarts is a large library that only this page uses: it loads in its own chunk.
const ReportChart = lazy(() => import('../../charts/ReportChart').then((module) => ({ default: module.ReportChart })));

/** 报告: delivered, clicks, conversions and revenue, uplift over the holdout, per variant, and a bar chart. */
export function CampaignReportPage({ campaignId }: { campaignId: string }) {
  const { data: report, error, loading, reload } = useApi<CampaignReportDto>(`/api/admin/campaigns/${campaignId}/report`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button onClick={() => navigate(`/campaigns/${campaignId}`)}>返回活动</Button>
        <Button onClick={reload} loading={loading}>
          刷新
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {report && (
        <>
          <Card
            title={
              <Space>
                {`活动报告：${report.name}`}
                <CampaignStateTag state={report.state} />
              </Space>
            }
            extra={`生成于 ${formatDateTime(report.generatedAt)}，转化窗口 ${report.conversionWindowDays} 天`}
            id="campaign-report"
          >
            <Row gutter={[16, 16]}>
              <Col span={4}><Statistic title="目标人数" value={report.audience} /></Col>
              <Col span={4}><Statistic title="已发送" value={report.sent} className="report-sent" /></Col>
              <Col span={4}><Statistic title="已送达" value={report.delivered} className="report-delivered" /></Col>
              <Col span={4}><Statistic title="失败" value={report.failed.total} /></Col>
              <Col span={4}><Statistic title="跳过" value={report.skipped.total} /></Col>
              <Col span={4}><Statistic title="对照组" value={report.heldOut} /></Col>
              <Col span={4}><Statistic title="点击人数" value={report.clicks.unique} suffix={`/ ${formatRate(report.clicks.clickRate)}`} /></Col>
              <Col span={4}><Statistic title="转化人数" value={report.treatment.conversions} suffix={`/ ${formatRate(report.treatment.conversionRate)}`} /></Col>
              <Col span={4}><Statistic title="带来收入" value={formatYuan(report.treatment.revenueFen)} /></Col>
              <Col span={4}><Statistic title="对照组转化率" value={formatRate(report.holdout.conversionRate)} /></Col>
              <Col span={4}><Statistic title="提升（绝对）" value={formatPoints(report.uplift.absolute)} className="report-uplift" /></Col>
              <Col span={4}><Statistic title="提升（相对）" value={formatRate(report.uplift.relative)} /></Col>
            </Row>
          </Card>
          <Card title="图表">
            <Suspense fallback={<Spin />}>
              <ReportChart report={report} />
            </Suspense>
          </Card>
          {report.variants.length > 1 && (
            <Card title="各版本">
              <Table<CampaignVariantReportDto>
                rowKey="variant"
                pagination={false}
                size="small"
                dataSource={report.variants}
                columns={[
                  { title: '版本', dataIndex: 'variant', render: (value: number) => (value === 0 ? 'A' : 'B') },
                  { title: '人数', dataIndex: 'audience' },
                  { title: '已发送', dataIndex: 'sent' },
                  { title: '已送达', dataIndex: 'delivered' },
                  { title: '点击率', dataIndex: 'clickRate', render: (value: number | null) => formatRate(value) },
                  { title: '转化率', render: (_: unknown, variant) => formatRate(variant.result.conversionRate) },
                  { title: '收入', render: (_: unknown, variant) => formatYuan(variant.result.revenueFen) },
                  { title: '提升', render: (_: unknown, variant) => formatPoints(variant.uplift.absolute) },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
