import { describe, expect, it } from 'vitest';
import { areaCompletionChartSvg, trendChartSvg } from '../../src/render/charts.js';
import { countItems } from '../../src/core/rules/rollup.js';

const ZERO = countItems([]);
const rows = [
  { ...ZERO, area: 1, title: '持续深化商事制度改革', measures: 4, done: 1, inProgress: 2, notStarted: 1 },
  { ...ZERO, area: 2, title: '<script>alert(1)</script>', measures: 2, done: 0, inProgress: 0, notStarted: 2 },
]
  .map((r) => ({ ...r, completionPercent: Math.round((r.done * 100) / r.measures), light: r.area === 1 ? '红' : '绿' }))
  .map((r) => ({ ...r, leads: ['市审批局'] })) as Parameters<typeof areaCompletionChartSvg>[0]['rows'];

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('areaCompletionChartSvg', () => {
  it('draws one labelled bar per area with its completion rate and light as words', () => {
    const svg = areaCompletionChartSvg({ rows }, { idPrefix: 'areas' });
    expect(svg.startsWith('<svg role="img"')).toBe(true);
    expect(svg).toContain('<title>各主要指标完成情况</title>');
    const labels = texts(svg);
    expect(labels).toContain('一、持续深化商事制度改革');
    expect(labels).toContain('25%　红');
    expect(labels).toContain('0%　绿');
    expect(labels).toEqual(expect.arrayContaining(['已完成', '推进中', '未启动']));
  });

  it('escapes ledger text and refers to nothing outside itself', () => {
    const svg = areaCompletionChartSvg({ rows });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    const urls = [...svg.matchAll(/(?:href|src)="([^"]*)"|url\(([^)]*)\)/g)].map((m) => m[1] ?? m[2]);
    for (const url of urls) expect(url).toMatch(/^#/);
  });

  it('gives the same bytes for the same figures, with the ids prefixed as asked', () => {
    const a = areaCompletionChartSvg({ rows }, { idPrefix: 'x' });
    trendChartSvg([{ month: '2020-07', completionPercent: 10, overdue: 1 }]);
    const b = areaCompletionChartSvg({ rows }, { idPrefix: 'x' });
    expect(a).toBe(b);
    expect(a).toMatch(/id="x-p\d+"/);
    expect(a).not.toMatch(/zr\d+-/);
  });
});

describe('trendChartSvg', () => {
  it('labels each month with its completion rate and overdue count', () => {
    const svg = trendChartSvg(
      [
        { month: '2020-06', completionPercent: 0, overdue: 3 },
        { month: '2020-07', completionPercent: 12, overdue: 7 },
      ],
      { idPrefix: 'trend', width: 600, height: 280 },
    );
    expect(svg).toContain('width="600" height="280"');
    const labels = texts(svg);
    expect(labels).toEqual(expect.arrayContaining(['2020年6月', '2020年7月', '12%', '7', '3']));
  });
});
