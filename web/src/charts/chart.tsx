import { useEffect, useMemo, useRef } from 'react';
import { useFormat } from '../lib/format';
import { localizeOption } from './localize';

// ECharts options are a large untyped tree.
export type ChartOption = Record<string, any>;

type EChartsInstance = {
  setOption(o: ChartOption, notMerge?: boolean): void;
  resize(): void;
  dispose(): void;
};

/** An ECharts chart, loaded on first use; `label` describes it for screen readers. */
export function Chart({
  option,
  label,
  height = 300,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const f = useFormat();
  // Numbers and dates in the user's locale; the description for screen readers is the label
  // (ECharts would write its own, in English).
  const full = useMemo(
    () => ({
      aria: { enabled: true, label: { description: label } },
      animation: false,
      ...localizeOption(option, f),
    }),
    [option, f, label],
  );
  // The chart is created once; later options are applied by the second effect.
  const latest = useRef(full);
  latest.current = full;

  useEffect(() => {
    let disposed = false;
    // Follows its box, whatever changes it: the window, the layout, the print page.
    const resize = () => chart.current?.resize();
    const observer = new ResizeObserver(resize);
    const print = window.matchMedia('print');
    print.addEventListener('change', resize);
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart.current = echarts.init(ref.current, undefined, { renderer: 'svg' }) as EChartsInstance;
      chart.current.setOption(latest.current, true);
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer.disconnect();
      print.removeEventListener('change', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(full, true);
  }, [full]);

  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}
