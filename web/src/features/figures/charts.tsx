/** ECharts, imported only here, only the parts the figures pages draw. */
import { useEffect, useRef } from 'preact/hooks';

type ECharts = typeof import('echarts/core');
let loading: Promise<ECharts> | undefined;

function loadEcharts(): Promise<ECharts> {
  return (loading ??= import('./echarts-setup.ts').then((m) => m.echarts));
}

export type ChartOption = Record<string, unknown>;

/** A chart drawn into a box that screen readers read as one image with a summary. */
export function Chart({ option, label, height = 280 }: { option: ChartOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: ChartOption): void; resize(): void; dispose(): void } | undefined;
    let observer: ResizeObserver | undefined;
    void loadEcharts().then((echarts) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, null, { renderer: 'svg' });
      chart.setOption({ animation: false, ...option });
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [JSON.stringify(option)]);
  return <div class="chart" ref={ref} role="img" aria-label={label} style={{ height: `${height}px` }} />;
}
