/**
 * The paragraphs that open the quarterly report (docx and Markdown alike): completion over the
 * quarter, overdue at its start and end, and the units' reporting. Every figure is one of the
 * report's own (the same as `summary --quarter --format json`).
 */
import type { QuarterlyReport } from '../core/summaries/quarterly-report.js';
import { dateLabel } from './summary-narrative.js';

/** At most this many units are named in a sentence; the rest are counted. */
const NAMED_UNITS = 12;

export function quarterNarrative(r: QuarterlyReport): string[] {
  return [completion(r), overdue(r), reporting(r)].filter((p): p is string => p !== undefined);
}

function completion(r: QuarterlyReport): string {
  const [a, b] = [r.start.counts, r.end.counts];
  const span = `${r.label}（${dateLabel(r.firstDay)}至${dateLabel(r.end.day)}）`;
  const points = b.completionPercent - a.completionPercent;
  const change = points === 0 ? '与季初持平' : `比季初${points > 0 ? '提高' : '下降'}${Math.abs(points)}个百分点`;
  return (
    `${span}，台账共有具体措施${b.measures}项。本季度完成${r.completed.length}项，` +
    `累计完成${b.done}项、完成率${b.completionPercent}%，${change}；推进中${b.inProgress}项，未启动${b.notStarted}项。`
  );
}

function overdue(r: QuarterlyReport): string {
  const o = r.overdue;
  const head = `季初逾期${o.start.length}项，季末逾期${o.end.length}项（其中严重逾期${r.end.counts.escalated}项）`;
  if (o.newly.length + o.cleared.length === 0) return `${head}，本季度没有新增或消除的逾期措施。`;
  const reasons = (['已完成', '已延期', '已调整'] as const)
    .map((reason) => [reason, o.cleared.filter((m) => m.reason === reason).length] as const)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason}${n}项`);
  const cleared = o.cleared.length ? `消除${o.cleared.length}项（${reasons.join('、')}）` : '没有消除';
  const newly = o.newly.length ? `新增${o.newly.length}项（${o.newly.map((m) => m.id).join('、')}）` : '没有新增';
  return `${head}：${newly}，${cleared}。`;
}

function reporting(r: QuarterlyReport): string | undefined {
  if (!r.reporting?.length) return undefined;
  const counted = r.trend.filter((t) => t.row.reportRate !== null);
  const months = counted.map((t) => `${Number(t.month.slice(5, 7))}月`).join('、');
  const rates = counted.map((t) => `${t.row.reportRate}%`).join('、');
  const head = counted.length === 0 ? '' : `${months}的按时报送率${counted.length > 1 ? '依次' : ''}为${rates}。`;
  const late = r.reporting.filter((u) => u.late > 0).map((u) => u.unit);
  const missing = r.reporting.filter((u) => u.missing > 0).map((u) => u.unit);
  if (late.length + missing.length === 0) return `${head}各单位均按时报送。`;
  const parts = [];
  if (missing.length) parts.push(`有未报送月份的${missing.length}个（${names(missing)}）`);
  if (late.length) parts.push(`有迟报的${late.length}个（${names(late)}）`);
  return `${head}未按时报送的单位：${parts.join('；')}。`;
}

function names(units: readonly string[]): string {
  return units.length <= NAMED_UNITS ? units.join('、') : `${units.slice(0, NAMED_UNITS).join('、')}等`;
}
