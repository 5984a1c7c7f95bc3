import { describe, expect, it } from 'vitest';
import { localizeOption } from '../../web/src/charts/localize';
import { makeFormat } from '../../web/src/lib/make-format';

const pl = makeFormat('pl', 'Europe/Warsaw', 'PLN');
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('charts in the user’s locale', () => {
  it('formats value axes, tooltips and shown labels the Polish way', () => {
    const out = localizeOption(
      {
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: ['a'] },
        yAxis: {},
        series: [{ type: 'bar', data: [12345.5], label: { show: true } }],
      },
      pl,
    );
    expect(out.xAxis.axisLabel).toBeUndefined();
    expect(plain(out.yAxis.axisLabel.formatter(12345.5))).toBe('12 345,5');
    expect(plain(out.tooltip.valueFormatter(1234.25))).toBe('1234,25');
    expect(plain(out.series[0].label.formatter({ value: 0.5 }))).toBe('0,5');
  });

  it('formats time axes as dates and keeps the formatters a chart sets', () => {
    const own = (v: number) => `${v} %`;
    const out = localizeOption(
      {
        tooltip: { valueFormatter: own },
        xAxis: [{ type: 'time' }, { type: 'value', axisLabel: { formatter: own } }],
      },
      pl,
    );
    expect(out.xAxis[0].axisLabel.formatter(Date.UTC(2026, 2, 2, 12))).toBe(
      pl.date(Date.UTC(2026, 2, 2, 12)),
    );
    expect(out.xAxis[1].axisLabel.formatter).toBe(own);
    expect(out.tooltip.valueFormatter).toBe(own);
  });
});
