/**
 * The paragraphs that open the summary (docx and Markdown alike): what was
 * completed, what is overdue and where, who did not report on time. Every
 * figure is one of the summary's own (the same as `summary --format json`).
 */
import { chineseNumeral } from '../core/model/ledger-labels.js';
import { signed } from '../core/summaries/month-change.js';
import { redMonthsText } from '../core/rules/remembered-lights.js';
import type { MonthlySummary } from '../core/summaries/monthly-summary.js';
import { shiftMonth } from '../core/model/calendar.js';
import type { TrendPoint } from '../core/summaries/monthly-trend.js';
import type { MeasureItem } from '../core/rules/rollup.js';
import { monthLabel } from './summary-sections.js';

/** At most this many areas are named as where overdue measures concentrate. */
const TOP_AREAS = 3;
/** At most this many units are named in the sentence on reporting; the rest are counted. */
const NAMED_UNITS = 12;
/** At most this many units are named per 连续红灯 group. */
const STREAK_UNITS = 3;

export function summaryNarrative(s: MonthlySummary, trend: readonly TrendPoint[] = []): string[] {
  return [completion(s, trend), overdue(s) + redStreaks(s), reporting(s)].filter((p): p is string => p !== undefined);
}

export function dateLabel(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function completion(s: MonthlySummary, trend: readonly TrendPoint[]): string {
  const h = s.headline;
  // 较上月 from the summary's own change (the tables' figures); the trend only when it was not computed.
  const previous = trend.find((p) => p.month === shiftMonth(s.month, -1));
  const points =
    s.change !== undefined
      ? s.change?.headline.completionPercent
      : previous && h.completionPercent - previous.completionPercent;
  return (
    `截至${dateLabel(s.asOf)}，台账共有具体措施${h.measures}项。` +
    `${monthLabel(s.month)}新完成${s.completed.length}项${reopenedText(s)}，累计完成${h.done}项、完成率${h.completionPercent}%` +
    `${points !== undefined ? change(points) : ''}；` +
    `推进中${h.inProgress}项，未启动${h.notStarted}项。`
  );
}

/** 、退回1项（1.1.2）: 已完成 in last month's 通报, not now, so 新完成 − 退回 is the rise in 已完成. */
function reopenedText(s: MonthlySummary): string {
  if (s.reopened.length === 0) return '';
  return `、由已完成退回${s.reopened.length}项（${s.reopened.map((i) => i.id).join('、')}）`;
}

/** （较上月 +3 个百分点）, （较上月 −2 个百分点）, （与上月持平）. */
export function change(points: number): string {
  if (points === 0) return '（与上月持平）';
  return `（较上月${points > 0 ? '+' : '−'}${Math.abs(points)}个百分点）`;
}

function overdue(s: MonthlySummary): string {
  const h = s.headline;
  const due = `下月（${monthLabel(s.nextMonth)}）到期${h.dueNextMonth}项。`;
  const d = s.change?.headline.overdue;
  const moved = d === undefined ? '' : d === 0 ? '（与上月持平）' : `（较上月${signed(d)}项）`;
  if (h.overdue === 0) return `目前没有逾期措施${moved}；${due}`;
  return `逾期${h.overdue}项${moved}，其中严重逾期${h.escalated}项，主要集中在${concentration(s.overdue)}；${due}`;
}

/** 红灯预警：主要指标一、三连续5个月红灯，市税务局、市人社局等21个单位连续5个月红灯。 Empty without streaks. */
function redStreaks(s: MonthlySummary): string {
  const units = [...s.ranking, ...s.neverReported];
  const lengths = [...new Set([...s.areas.rows, ...units].flatMap((r) => (r.redMonths ? [r.redMonths] : [])))];
  const groups = lengths
    .sort((a, b) => b - a)
    .map((months) => {
      const areas = s.areas.rows.filter((r) => r.redMonths === months).map((r) => chineseNumeral(r.area));
      const named = units.filter((r) => r.redMonths === months).map((r) => r.unit);
      const who = [
        areas.length ? `主要指标${areas.join('、')}` : '',
        named.length > STREAK_UNITS
          ? `${named.slice(0, STREAK_UNITS).join('、')}等${named.length}个单位`
          : named.join('、'),
      ];
      return `${who.filter(Boolean).join('，')}${redMonthsText(months).replace(/ /g, '')}`;
    });
  return groups.length ? `红灯预警：${groups.join('；')}。` : '';
}

/** 一、持续深化商事制度改革（4项）、三、…: the areas with the most overdue measures. */
export function concentration(items: readonly MeasureItem[]): string {
  const byArea = new Map<number, { title: string; count: number }>();
  for (const item of items) {
    const entry = byArea.get(item.area) ?? { title: item.areaTitle, count: 0 };
    entry.count++;
    byArea.set(item.area, entry);
  }
  const top = [...byArea].sort(([a, x], [b, y]) => y.count - x.count || a - b).slice(0, TOP_AREAS);
  return top.map(([area, { title, count }]) => `“${chineseNumeral(area)}、${title}”（${count}项）`).join('、');
}

function reporting(s: MonthlySummary): string | undefined {
  const r = s.reports;
  if (!r) return undefined;
  const head = `${monthLabel(s.month)}应报送单位${r.owing}个，已报送${r.received}个（截止${dateLabel(r.due)}）。`;
  const missing = r.rows.filter((row) => row.state === 'missing').map((row) => row.unit);
  const late = r.rows.filter((row) => row.state === 'late').map((row) => row.unit);
  if (missing.length + late.length === 0) return `${head}各单位均按时报送。`;
  const parts = [];
  if (missing.length) parts.push(`未报送${missing.length}个（${names(missing)}）`);
  if (late.length) parts.push(`迟报${late.length}个（${names(late)}）`);
  return `${head}未按时报送的单位：${parts.join('；')}。`;
}

function names(units: readonly string[]): string {
  if (units.length <= NAMED_UNITS) return units.join('、');
  return `${units.slice(0, NAMED_UNITS).join('、')}等`;
}
