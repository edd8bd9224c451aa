import { milestoneCount, parseDeadline } from '../model/deadline.js';
import { diagnosticAt, type Diagnostic, type DiagnosticInput } from '../model/diagnostic.js';
import { checkEntryDates } from './report-entry-checks.js';
import { measureRefs, type Ledger, type MeasureRef, type SourceFile } from '../model/ledger.js';
import { isSafeFileName, monthOf, reportPath, REPORTS_DIR } from './report-path.js';
import { REPORT_CONTEXT_FIELDS, type Report } from './report-schema.js';
import { sameValue } from '../model/same-value.js';
import { isGroup, isResponsible, lookAlikeNote, resolveUnit, suggestUnits } from '../model/units.js';
import { pushAll } from '../model/arrays.js';

export type ReportSource = SourceFile<Report>;

export interface ReportCheckOptions {
  /** Today, YYYY-MM-DD: reports for a later month are refused. */
  asOf?: string;
  /** Whether a path relative to the ledger root exists, for evidence paths (report-entry-checks.ts). */
  fileExists?: (path: string) => boolean;
}

/** Everything wrong with these reports on their own and against the ledger (not staleness; see planMerge). */
export function checkReports(
  ledger: Ledger,
  reports: readonly ReportSource[],
  options: ReportCheckOptions = {},
): Diagnostic[] {
  const byId = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref]));
  const out = reports.flatMap((report) => checkReport(ledger, byId, report, options));
  pushAll(out, duplicateReports(ledger, reports));
  return out;
}

/** The canonical reporting unit of a report, or undefined when it is unknown. */
export function reportUnit(ledger: Ledger, report: Report): string | undefined {
  if (!isSafeFileName(report.unit.trim())) return undefined;
  return resolveUnit(ledger.units, report.unit);
}

function checkReport(
  ledger: Ledger,
  byId: Map<string, MeasureRef>,
  report: ReportSource,
  options: ReportCheckOptions,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { data, locate } = report;
  const unit = checkUnit(ledger, report, out);
  if (options.asOf && data.month > monthOf(options.asOf)) {
    out.push(
      diagnosticAt(locate(['month']), {
        code: 'report/future-month',
        message: `报送月份 ${data.month} 还没有到（今天是 ${options.asOf}）`,
        hint: `改为本月或之前的月份，例如 month: ${monthOf(options.asOf)}`,
      }),
    );
  }
  if (unit && report.file.startsWith(`${REPORTS_DIR}/`)) {
    const expected = reportPath(data.month, unit);
    if (expected && expected !== report.file) {
      out.push(
        diagnosticAt(locate(['unit']), {
          code: 'report/wrong-path',
          message: `${unit} ${data.month} 的报送文件应放在 ${expected}，而不是 ${report.file}`,
          hint: `git mv '${report.file}' '${expected}'（或改正文件中的 unit / month）`,
        }),
      );
    }
  }
  const seen = new Set<string>();
  data.entries.forEach((entry, i) => {
    const at = () => locate(['entries', i, 'id']);
    if (seen.has(entry.id)) {
      out.push(
        diagnosticAt(at(), {
          code: 'report/duplicate-entry',
          message: `具体措施 ${entry.id} 在同一份报送中出现了两次`,
          hint: '合并成一项',
        }),
      );
    }
    seen.add(entry.id);
    const ref = byId.get(entry.id);
    if (!ref) {
      out.push(
        diagnosticAt(at(), {
          code: 'report/unknown-measure',
          message: `台账中没有编号为 ${entry.id} 的具体措施`,
          hint: '用 ledger template 重新生成报送表，核对编号（形如 1.1.1）',
        }),
      );
      return;
    }
    if (unit && !isResponsible(ledger.units, ref.measure.units, unit)) {
      out.push(
        diagnosticAt(at(), {
          code: 'report/not-responsible',
          message: `${unit} 不是具体措施 ${entry.id}（${ref.measure.title}）的责任部门，不能报送它的进展`,
          hint: `该措施的责任部门是 ${ref.measure.units.join('、')}；删除这一项，或请牵头单位核对台账`,
        }),
      );
    }
    pushAll(out, [
      ...checkEntryDates(entry, i, ref, {
        month: data.month,
        unit,
        planStart: ledger.config.plan_start,
        locate,
        fileExists: options.fileExists,
      }),
    ]);
    const extensionProblem = shortExtension(entry, ref);
    if (extensionProblem) out.push(diagnosticAt(locate(['entries', i, 'extension', 'until']), extensionProblem));
    const count = milestoneCount(ref.measure.deadline);
    if (entry.milestones_met !== undefined && entry.milestones_met > count) {
      out.push(
        diagnosticAt(locate(['entries', i, 'milestones_met']), {
          code: 'report/milestones-too-many',
          message: `具体措施 ${entry.id} 只有 ${count} 个完成时限（${ref.measure.deadline}），milestones_met 不能是 ${entry.milestones_met}`,
          hint: `填 0 到 ${count} 之间的整数`,
        }),
      );
    }
  });
  return out;
}

/** An extension moves a deadline later: one ending on or before the last written deadline extends nothing. */
function shortExtension(entry: Report['entries'][number], ref: MeasureRef): DiagnosticInput | undefined {
  const deadline = parseDeadline(ref.measure.deadline);
  if (!entry.extension || deadline?.kind !== 'dated') return undefined;
  const last = deadline.milestones.at(-1)!.due;
  if (entry.extension.until > last) return undefined;
  return {
    code: 'report/extension-before-deadline',
    message: `具体措施 ${entry.id} 申请延期至 ${entry.extension.until}，不晚于完成时限 ${ref.measure.deadline}（${last}）；延期只能往后延`,
    hint: `写 ${last} 之后的日期，或删除 extension`,
  };
}

function checkUnit(ledger: Ledger, report: ReportSource, out: Diagnostic[]): string | undefined {
  const typed = report.data.unit.trim();
  const at = () => report.locate(['unit']);
  if (!isSafeFileName(typed)) {
    out.push(
      diagnosticAt(at(), {
        code: 'report/path-escape',
        message: `报送单位“${typed}”含有路径字符（/、\\、..），不能用作文件名`,
        hint: '填写单位名录中的规范名称，例如 unit: 市公安局',
      }),
    );
    return undefined;
  }
  const unit = resolveUnit(ledger.units, typed);
  if (!unit) {
    const near = suggestUnits(ledger.units, typed);
    const alike = lookAlikeNote(ledger.units, typed);
    out.push(
      diagnosticAt(at(), {
        code: 'report/unknown-unit',
        message: `报送单位“${typed}”不在单位名录 ledger/units.yaml 中${alike ? `：${alike.note}` : ''}`,
        hint: alike
          ? `删除多余的字符，改为 unit: ${alike.canonical}`
          : near.length > 0
            ? `是否应为 ${near.join('、')}？`
            : '填写单位名录中的规范名称',
      }),
    );
    return undefined;
  }
  if (isGroup(ledger.units, unit)) {
    const members = ledger.units.byName.get(unit)?.members ?? [];
    out.push(
      diagnosticAt(at(), {
        code: 'report/group-unit',
        message: `${unit} 由成员单位分别报送，不能以 ${unit} 的名义报送`,
        hint: `由 ${members.join('、')} 各自报送`,
      }),
    );
    return undefined;
  }
  return unit;
}

/** A report without its context fields and with the canonical unit, for telling two copies of one report apart from two reports. */
export function reportContent(report: Report, unit: string): unknown {
  const isContext = (key: string) => (REPORT_CONTEXT_FIELDS as readonly string[]).includes(key);
  const { received_on: _received, ...rest } = report;
  return {
    ...rest,
    unit,
    entries: report.entries.map((entry) =>
      Object.fromEntries(Object.entries(entry).filter(([key]) => !isContext(key))),
    ),
  };
}

function duplicateReports(ledger: Ledger, reports: readonly ReportSource[]): Diagnostic[] {
  const first = new Map<string, ReportSource>();
  const out: Diagnostic[] = [];
  for (const report of reports) {
    const unit = reportUnit(ledger, report.data);
    if (!unit) continue;
    const key = `${unit}\u0000${report.data.month}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, report);
      continue;
    }
    if (sameValue(reportContent(earlier.data, unit), reportContent(report.data, unit))) continue;
    out.push(
      diagnosticAt(report.locate(['unit']), {
        code: 'report/duplicate',
        message: `${unit} ${report.data.month} 已有一份报送（${earlier.file}），同一单位同一月份只能有一份`,
        hint: `保留一份：把内容合并到 ${earlier.file}，删除 ${report.file}`,
      }),
    );
  }
  return out;
}
