/** The units' reporting record over the quarter as a table: a column per month, then the counts. */
import type { QuarterlyReport } from '../core/summaries/quarterly-report.js';
import type { QuarterReportState, UnitMonthReport } from '../core/summaries/quarter-reporting.js';
import { REPORT_STATE_LABELS, monthLabel, type SummarySection } from './summary-sections.js';

const LABELS: Record<QuarterReportState, string> = { ...REPORT_STATE_LABELS, 'not-owing': '无需报送', none: '—' };

export function quarterReportingSection(r: QuarterlyReport): SummarySection {
  const base = {
    name: '报送情况',
    title: '各单位季度报送情况',
    header: ['单位', ...r.months.map(monthLabel), '按时', '迟报', '未报'],
  };
  if (!r.reporting?.length)
    return { ...base, rows: [], note: '本季度还没有可统计的报送（仓库中尚无报送文件，或报送日未到），本节从略。' };
  const rows = r.reporting.map((u) => [
    u.unit,
    ...u.months.map(cell),
    String(u.onTime),
    String(u.late),
    String(u.missing),
  ]);
  const late = r.reporting.filter((u) => u.late > 0).map((u) => u.unit);
  const missing = r.reporting.filter((u) => u.missing > 0).map((u) => u.unit);
  return {
    ...base,
    rows,
    note:
      '按每月报送日前是否到达判断（同 ledger missing：邮寄或送来的表按收件日期，其余按首次进入主分支的时间）；迟报注明到达日期；—：该月还没有报送或未到报送日。' +
      (late.length ? `迟报的单位：${late.join('、')}。` : '') +
      (missing.length ? `有未报月份的单位：${missing.join('、')}。` : ''),
  };
}

function cell(m: UnitMonthReport): string {
  const label = LABELS[m.state];
  const day = m.received ?? m.committed?.slice(0, 10);
  return m.state === 'late' && day ? `${label}（${day.slice(5)}）` : label;
}
