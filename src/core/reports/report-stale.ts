import { diagnosticAt, type Diagnostic } from '../model/diagnostic.js';
import { measureRefs, type Ledger } from '../model/ledger.js';
import { reportUnit, type ReportSource } from './report-checks.js';
import { nextMonth } from '../model/calendar.js';
import { reportPath } from './report-path.js';
import { isResponsible } from '../model/units.js';

/**
 * A report under reports/ whose unit already has a later month merged for
 * some of its measures: either it was merged before that later month (normal
 * history, fine) or it arrived after it (late, never to be merged). Which of
 * the two only Git can tell; see `lateReports`.
 */
export interface OlderThanMerged {
  report: ReportSource;
  unit: string;
  /** The latest month of the unit merged into the measures this report covers. */
  merged: string;
  /** The unit's report files for months after this one up to `merged`. */
  later: string[];
}

/** Reports in their place under reports/ that are older than what the ledger holds for their unit. */
export function olderThanMerged(ledger: Ledger, reports: readonly ReportSource[]): OlderThanMerged[] {
  const byId = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref.measure]));
  const out: OlderThanMerged[] = [];
  for (const report of reports) {
    const unit = reportUnit(ledger, report.data);
    if (!unit || reportPath(report.data.month, unit) !== report.file) continue;
    let merged = '';
    for (const entry of report.data.entries) {
      const measure = byId.get(entry.id);
      if (!measure || !isResponsible(ledger.units, measure.units, unit)) continue;
      const month = measure.unit_reports?.[unit]?.month ?? '';
      if (month > merged) merged = month;
    }
    if (merged <= report.data.month) continue;
    const later = reports
      .filter(
        (other) =>
          other.file !== report.file &&
          other.data.month > report.data.month &&
          other.data.month <= merged &&
          reportUnit(ledger, other.data) === unit,
      )
      .map((other) => other.file);
    out.push({ report, unit, merged, later });
  }
  return out;
}

/**
 * One `report/stale` error per report file that reached the repository after
 * a later report of its unit that is merged: it can no longer be merged.
 * `arrived` gives each file's first commit as epoch milliseconds; a file
 * without one (not committed yet) arrived last. Ties are not late.
 */
export function lateReports(
  candidates: readonly OlderThanMerged[],
  arrived: ReadonlyMap<string, number>,
): Diagnostic[] {
  const when = (file: string) => arrived.get(file) ?? Number.POSITIVE_INFINITY;
  const out: Diagnostic[] = [];
  for (const { report, unit, merged, later } of candidates) {
    const first = later.reduce<string | undefined>(
      (best, file) => (best === undefined || when(file) < when(best) ? file : best),
      undefined,
    );
    if (first === undefined || !(when(report.file) > when(first))) continue;
    const committed = arrived.has(report.file);
    out.push(
      staleReportDiagnostic(
        report,
        unit,
        merged,
        `它在 ${first} 之后才${committed ? '提交' : '出现（尚未提交）'}，`,
        undefined,
        committed,
      ),
    );
  }
  return out;
}

/**
 * The one `report/stale` error for a report older than the merged one. `why`
 * says it arrived late (validate); without it (merge) the report may also be
 * an old one merged long ago, which is simply not merged again.
 */
export function staleReportDiagnostic(
  report: ReportSource,
  unit: string,
  merged: string,
  why = '',
  measures?: readonly string[],
  committed = true,
): Diagnostic {
  const { month } = report.data;
  const which = measures && measures.length > 0 ? `（${measures.length} 项具体措施：${preview(measures)}）` : '';
  const fold = `把其中仍需反映的内容写进 ${nextMonth(merged)} 或之后月份的报送，然后删除它：${committed ? 'git rm' : 'rm'} '${report.file}'`;
  return diagnosticAt(report.locate(['month']), {
    code: 'report/stale',
    message: `${unit} ${month} 的报送已过时：${why}台账中该单位已合并了 ${merged} 的报送${which}，旧月份的报送不能再合并`,
    hint: why
      ? fold
      : `不要合并旧月份的报送；如果它是迟到的报送，${fold}；如果它早已合并过，不必再合并（合并整个 reports/ 时各单位只取最新一份）`,
  });
}

function preview(ids: readonly string[]): string {
  return ids.length <= 5 ? ids.join('、') : `${ids.slice(0, 5).join('、')} 等`;
}
