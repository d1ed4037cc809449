import { useMemo } from 'react';
import type { CampaignReportDto } from '@toyclub/shared';
import { EChart } from './EChart';

/** The report's bar chart: the funnel from audience to conversions, treatment next to holdout. Loaded lazily with echarts. */
export function ReportChart({ report }: { report: CampaignReportDto }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['发送组', '对照组'] },
      grid: { left: 48, right: 24, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: ['人数', '已发送', '已送达', '点击人数', '转化人数'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '发送组',
          type: 'bar',
          data: [report.audience - report.heldOut, report.sent, report.delivered, report.clicks.unique, report.treatment.conversions],
          itemStyle: { color: '#fa8c16' },
        },
        {
          name: '对照组',
          type: 'bar',
          data: [report.heldOut, 0, 0, 0, report.holdout.conversions],
          itemStyle: { color: '#8c8c8c' },
        },
      ],
      // A chart in a test screenshot must be finished, not mid-animation.
      animation: false,
    }),
    [report],
  );
  return <EChart option={option} className="report-chart" id="report-chart" />;
}
