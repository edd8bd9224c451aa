import { maxOf, pushAll } from '../../core/model/arrays.js';
import type { TrendMonth, TrendResult, TrendRow } from '../../core/summaries/trend.js';
import { escapeCell, escapeInline, markdownTable } from '../../render/markdown.js';
import { renderTable, terminalStyle, wrapLines, type Align } from '../../render/terminal-style.js';

const SPARKS = '▁▂▃▄▅▆▇█';
/** The text view fits 80 columns: the month table and the per-group table both stay under it. */
const DEFAULT_WIDTH = 80;
const BAR_WIDTH = 6;

/** A sparkline of `values`, scaled from 0 to their maximum (a flat line when all are 0). */
export function sparkline(values: readonly number[]): string {
  const max = maxOf(values, 0);
  return values.map((v) => SPARKS[max === 0 ? 0 : Math.round((v / max) * (SPARKS.length - 1))]).join('');
}

/** A bar of `percent` in BAR_WIDTH cells. */
export function bar(percent: number): string {
  const full = Math.round((percent / 100) * BAR_WIDTH);
  return '█'.repeat(full) + '·'.repeat(BAR_WIDTH - full);
}

const rate = (row: TrendRow) => (row.reportRate === null ? '—' : `${row.reportRate}%`);
const percentDone = (row: TrendRow) => (row.measures === 0 ? 0 : Math.round((row.done * 100) / row.measures));

/** `ledger trend` for a terminal: one row per month (whole ledger) or per group with sparklines. */
export function renderTrendText(result: TrendResult, options: { color: boolean; width?: number }): string {
  const style = terminalStyle(options.color);
  const width = Math.min(options.width ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const lines = wrapLines([heading(result), style.dim(versionNote(result))], width);
  if (result.months.length === 0) return `${[...lines, '（没有可显示的月份）'].join('\n')}\n`;
  if (result.by === 'total') {
    const head = ['月份', '已完成', '推进中', '未启动', '逾期', '严重/逾期', '新完成', '报送率', '完成率'];
    const rows = result.months.map((m) => {
      const r = m.rows[0]!;
      return [m.month, ...counts(r), `${bar(percentDone(r))}`];
    });
    const align: Align[] = ['left', ...Array<Align>(7).fill('right'), 'left'];
    const wrap = head.map((h) => (h.includes('/') ? ('head' as const) : undefined));
    lines.push(renderTable(head, rows, align, style, { width, wrap }));
  } else {
    const last = result.months.at(-1)!;
    const head = [groupHead(result), '已完成', '逾期', '报送率', '已完成走势', '逾期走势'];
    const rows = last.rows.map((row) => {
      const series = result.months.map((m) => m.rows.find((r) => r.key === row.key));
      return [
        row.label,
        String(row.done),
        String(row.overdue),
        rate(row),
        sparkline(series.map((r) => r?.done ?? 0)),
        sparkline(series.map((r) => r?.overdue ?? 0)),
      ];
    });
    const align: Align[] = ['left', 'right', 'right', 'right', 'left', 'left'];
    lines.push(renderTable(head, rows, align, style, { width, wrap: ['text'] }));
    pushAll(lines, [
      ...wrapLines(
        [`已完成、逾期、报送率为 ${last.month}（截至 ${last.day}）；走势自 ${result.from} 起每月一格。`],
        width,
      ),
    ]);
  }
  pushAll(lines, [...wrapLines(problemNotes(result), width).map((line) => style.warn(line))]);
  return `${lines.join('\n')}\n`;
}

/** Months whose ledger version had errors: their figures leave those measures out, as status does. */
function problemNotes(result: TrendResult): string[] {
  return result.months
    .filter((m) => m.problems > 0)
    .map((m) => `注意：${m.month} 的台账版本中有 ${m.problems} 处错误，出错的措施未计入该月数字；${problemHint(m)}`);
}

function problemHint(month: TrendMonth): string {
  const commit = month.version.commit?.slice(0, 7);
  return commit ? `用 git show ${commit} 查看那次提交的改动。` : '运行 ledger validate 查看。';
}

function counts(r: TrendRow): string[] {
  return [r.done, r.inProgress, r.notStarted, r.overdue, r.escalated, r.newlyDone].map(String).concat(rate(r));
}

function heading(result: TrendResult): string {
  const scope = [
    result.filter.area !== undefined && `主要指标 ${result.filter.area}`,
    result.filter.unit && `责任单位 ${result.filter.unit}`,
    result.filter.lead && `牵头单位 ${result.filter.lead}`,
  ].filter(Boolean);
  return `${result.title} 月度走势 ${result.from} 至 ${result.to}${scope.length > 0 ? `（${scope.join('，')}）` : ''}：每月月底的状态`;
}

/** Which versions were read: the range of commits, or the one version when all months share it. */
function versionNote(result: TrendResult): string {
  const labels = [...new Set(result.months.map((m) => m.version.label))];
  if (labels.length <= 1) return labels[0] ?? '';
  return `台账版本：各月月底的提交（${versionShort(result.months[0]!)} … ${versionShort(result.months.at(-1)!)}）`;
}

function versionShort(month: TrendMonth): string {
  return month.version.commit ? `${month.version.date} ${month.version.commit.slice(0, 7)}` : '工作区';
}

function groupHead(result: TrendResult): string {
  return result.by === 'area' ? '主要指标' : result.by === 'lead' ? '牵头单位' : '责任单位';
}

/** The same as Markdown: one table of months; per group, one table with the months as columns of 已完成/逾期. */
export function renderTrendMarkdown(result: TrendResult): string {
  const out = [`# ${escapeInline(heading(result))}`, ''];
  for (const m of result.months) out.push(`- ${m.month}（${m.day}）：${escapeInline(m.version.label)}`);
  out.push('');
  if (result.by === 'total') {
    const head = ['月份', '已完成', '推进中', '未启动', '逾期', '严重逾期', '新完成', '报送率'];
    out.push(
      markdownTable(
        head,
        result.months.map((m) => [m.month, ...counts(m.rows[0]!)]),
      ),
    );
  } else {
    const keys = result.months.at(-1)!.rows.map((r) => [r.key, r.label] as const);
    const head = [groupHead(result), ...result.months.map((m) => `${m.month} 已完成/逾期`)];
    const rows = keys.map(([key, label]) => [
      escapeCell(label),
      ...result.months.map((m) => {
        const r = m.rows.find((row) => row.key === key);
        return r ? `${r.done}/${r.overdue}` : '—';
      }),
    ]);
    out.push(markdownTable(head, rows));
  }
  const notes = problemNotes(result);
  if (notes.length > 0) pushAll(out, ['', ...notes.map(escapeInline)]);
  return `${out.join('\n')}\n`;
}
