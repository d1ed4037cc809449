import { useEffect, useRef } from 'react';
import { init, use as registerChartParts } from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the console draws: keeps the lazily loaded chart chunk small.
registerChartParts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A minimal echarts wrapper: one chart on a div, resized with the window, disposed on unmount. */
export function EChart({ option, className, id }: { option: EChartsCoreOption; className?: string; id?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = init(element.current);
    chart.setOption(option);
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} className={className} id={id} />;
}
