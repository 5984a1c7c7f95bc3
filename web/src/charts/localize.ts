import type { Format } from '../lib/make-format';

// ECharts options are a large untyped tree (as in chart.tsx).
type ChartOption = Record<string, any>;

type Axis = Record<string, any>;

const asList = (v: unknown): Axis[] => (Array.isArray(v) ? v : v ? [v as Axis] : []);

/** A value axis, a time axis or a category axis read in the user's conventions. */
function localizeAxis(axis: Axis, f: Format, valueByDefault: boolean): Axis {
  if (axis.axisLabel?.formatter) return axis;
  const type = axis.type ?? (valueByDefault ? 'value' : 'category');
  const formatter =
    type === 'value' || type === 'log'
      ? (v: number) => f.num(v)
      : type === 'time'
        ? (v: number) => f.date(v)
        : undefined;
  return formatter ? { ...axis, axisLabel: { ...axis.axisLabel, formatter } } : axis;
}

const localizeAxes = (axes: unknown, f: Format, valueByDefault: boolean) =>
  Array.isArray(axes)
    ? axes.map((a) => localizeAxis(a, f, valueByDefault))
    : axes
      ? localizeAxis(axes as Axis, f, valueByDefault)
      : axes;

/**
 * ECharts writes numbers and dates the English way (1,234.5). Every axis, tooltip and label a
 * chart leaves unformatted gets the user's locale instead; formatters a chart sets stay.
 */
export function localizeOption(option: ChartOption, f: Format): ChartOption {
  const out: ChartOption = { ...option };
  if (option.xAxis) out.xAxis = localizeAxes(option.xAxis, f, false);
  if (option.yAxis) out.yAxis = localizeAxes(option.yAxis, f, true);
  const formatValue = (v: unknown): string =>
    typeof v === 'number' ? f.num(v) : Array.isArray(v) ? v.map(formatValue).join(' – ') : String(v ?? '—');
  if (option.tooltip && !option.tooltip.valueFormatter && !option.tooltip.formatter) {
    out.tooltip = { ...option.tooltip, valueFormatter: formatValue };
  }
  if (option.series) {
    out.series = asList(option.series).map((s) =>
      s.label?.show && !s.label.formatter
        ? { ...s, label: { ...s.label, formatter: (p: { value: unknown }) => formatValue(p.value) } }
        : s,
    );
  }
  return out;
}
