/**
 * Charts as SVG strings, made with Apache ECharts' server-side SVG renderer
 * (no DOM, no canvas): inline them in HTML (`ledger site`) or turn them into
 * images for documents. Pure: the same figures give the same bytes.
 *
 * Colours stay apart in grey print and for colour-blind readers: the series
 * differ in lightness (dark, middle, light) and carry ECharts' decal patterns;
 * the traffic lights are written as words (红/黄/绿) next to each bar.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { chineseNumeral } from '../core/model/ledger-labels.js';
import type { AreaRow, Light } from '../core/rules/rollup.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Single quotes only: ECharts writes the family into a double-quoted style attribute. */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Dark, middle and light: distinct in grey print and with any colour vision (Okabe–Ito blues). */
export const CHART_COLOURS = { done: '#1f4e79', inProgress: '#56b4e9', notStarted: '#d9d9d9', overdue: '#d55e00' };

export interface ChartOptions {
  width?: number;
  height?: number;
  /** Prefix of the ids inside the SVG (patterns); give each chart on one page its own. */
  idPrefix?: string;
  /** Accessible name (the SVG's <title>). */
  title?: string;
}

/** One month of the trend: completion and overdue counts on that month's day. */
export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  completionPercent: number;
  overdue: number;
  /** Of the overdue, 严重逾期. */
  escalated?: number;
}

type AreaChartRow = Pick<AreaRow, 'area' | 'title' | 'measures' | 'done' | 'inProgress' | 'notStarted'> & {
  completionPercent: number;
  light: Light;
};

/**
 * One horizontal bar per area (主要指标): the shares of its measures 已完成, 推进中
 * and 未启动 (adding up to 100%), labelled with the completion rate and the light.
 */
export function areaCompletionChartSvg(rollup: { rows: readonly AreaChartRow[] }, options: ChartOptions = {}): string {
  const rows = [...rollup.rows].reverse(); // ECharts draws the first category at the bottom.
  const share = (n: number, row: AreaChartRow) => (row.measures === 0 ? 0 : Math.round((n * 1000) / row.measures) / 10);
  const width = options.width ?? 760;
  const height = options.height ?? 60 + rows.length * 26;
  const series = [
    { name: '已完成', key: 'done', colour: CHART_COLOURS.done },
    { name: '推进中', key: 'inProgress', colour: CHART_COLOURS.inProgress },
    { name: '未启动', key: 'notStarted', colour: CHART_COLOURS.notStarted },
  ] as const;
  return renderChart(
    {
      legend: { top: 0, data: series.map((s) => s.name), textStyle: { fontSize: 12 } },
      grid: { left: 8, right: 72, top: 28, bottom: 24 },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: rows.map((r) => `${chineseNumeral(r.area)}、${shorten(r.title, 14)}`),
        axisTick: { show: false },
      },
      series: series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        stack: 'share',
        barWidth: 16,
        itemStyle: { color: s.colour, borderColor: '#595959', borderWidth: 0.5 },
        data: rows.map((r) => share(r[s.key], r)),
        ...(i === series.length - 1
          ? {
              label: {
                show: true,
                position: 'right',
                color: '#222',
                formatter: (p: { dataIndex: number }) =>
                  `${rows[p.dataIndex]!.completionPercent}%　${rows[p.dataIndex]!.light}`,
              },
            }
          : {}),
      })),
    },
    { width, height, ...options, title: options.title ?? '各主要指标完成情况' },
  );
}

/** The month-by-month trend: completion rate (line, left axis) and overdue measures (bars, right axis). */
export function trendChartSvg(points: readonly TrendPoint[], options: ChartOptions = {}): string {
  const months = points.map((p) => `${p.month.slice(0, 4)}年${Number(p.month.slice(5, 7))}月`);
  return renderChart(
    {
      legend: { top: 0, data: ['完成率', '逾期措施'] },
      grid: { left: 8, right: 8, top: 48, bottom: 8 },
      xAxis: {
        type: 'category',
        data: months,
        axisTick: { alignWithLabel: true },
        // Every month labelled up to a year (slanted past six), then as many as fit.
        axisLabel: { interval: months.length <= 12 ? 0 : 'auto', rotate: months.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', name: '完成率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', name: '逾期（项）', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: '逾期措施',
          yAxisIndex: 1,
          barMaxWidth: 28,
          itemStyle: { color: CHART_COLOURS.overdue, borderColor: '#595959', borderWidth: 0.5 },
          label: { show: true, position: 'top', color: '#222' },
          data: points.map((p) => p.overdue),
        },
        {
          type: 'line',
          name: '完成率',
          symbol: 'circle',
          symbolSize: 8,
          lineStyle: { width: 3, color: CHART_COLOURS.done },
          itemStyle: { color: CHART_COLOURS.done },
          label: { show: true, position: 'top', formatter: '{c}%', color: '#222' },
          data: points.map((p) => p.completionPercent),
        },
      ],
    },
    { width: 760, height: 300, ...options, title: options.title ?? '完成率和逾期措施逐月变化' },
  );
}

function renderChart(option: Record<string, unknown>, size: ChartOptions & { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#222' },
      ...option,
    });
    return finish(chart.renderToSVGString(), size.idPrefix ?? 'chart', size.title ?? '');
  } finally {
    chart.dispose();
  }
}

/**
 * Stable bytes: ECharts numbers instances and hover classes per process, so the ids get the given prefix
 * and the hover styles (of no use in a static page) go with their classes; no ECharts metadata.
 */
function finish(svg: string, prefix: string, title: string): string {
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  return svg
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/(id="|url\(#|href="#)zr\d+-/g, `$1${safePrefix}-`)
    .replace(/^<svg /, '<svg role="img" ')
    .replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title>`);
}

function shorten(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
