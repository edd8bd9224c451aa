import { CONTINUATION_INDENT, indentText } from '../summaries/ledger-cells.js';
import { parseDeadline } from '../model/deadline.js';
import { diagnosticAt, type Diagnostic } from '../model/diagnostic.js';
import { measureRefs, type Ledger, type MeasureRef, type YamlPath } from '../model/ledger.js';
import { reportUnit, type ReportSource } from './report-checks.js';
import { staleReportDiagnostic } from './report-stale.js';
import type { ReportEntry } from './report-schema.js';
import type { Extension, Measure, UnitReport } from '../model/schema.js';
import { statusFromParts } from '../rules/status.js';
import { isResponsible, reportingUnits } from '../model/units.js';
import { sameValue } from '../model/same-value.js';
import { carryVerification } from '../rules/verification.js';
import { minOf, pushAll } from '../model/arrays.js';

/** One value to set in a ledger file (path inside the YAML document). */
export interface FieldChange {
  path: YamlPath;
  before: unknown;
  after: unknown;
}

export interface FileChanges {
  /** Ledger file, relative to the root. */
  file: string;
  changes: FieldChange[];
}

/** What a merge does to one measure, for the summary. */
export interface MeasureChange {
  id: string;
  title: string;
  file: string;
  /** Units whose latest report on this measure is new or corrected. */
  units: string[];
  fields: { field: 'status' | 'progress' | 'milestones_met' | 'extensions'; before: unknown; after: unknown }[];
}

export interface MergePlan {
  files: FileChanges[];
  measures: MeasureChange[];
  diagnostics: Diagnostic[];
}

interface Candidate {
  ref: MeasureRef;
  unit: string;
  month: string;
  entry: ReportEntry;
  report: ReportSource;
  index: number;
}

/**
 * What merging these reports changes in the ledger; pure and idempotent (a
 * ledger that already holds these reports gets an empty plan). Assumes the
 * reports passed checkReports; a report older than what is merged is `report/stale`.
 */
export function planMerge(ledger: Ledger, reports: readonly ReportSource[]): MergePlan {
  const diagnostics: Diagnostic[] = [];
  const latest = latestCandidates(ledger, reports);
  const byMeasure = new Map<MeasureRef, Candidate[]>();
  const stale: Candidate[] = [];
  for (const candidate of latest.values()) {
    const existing = candidate.ref.measure.unit_reports?.[candidate.unit];
    if (existing && existing.month > candidate.month) {
      stale.push(candidate);
      continue;
    }
    byMeasure.set(candidate.ref, [...(byMeasure.get(candidate.ref) ?? []), candidate]);
  }
  pushAll(diagnostics, staleDiagnostics(stale));
  const files = new Map<string, FieldChange[]>();
  const measures: MeasureChange[] = [];
  for (const [ref, candidates] of byMeasure) {
    const { changes, summary } = planMeasure(ledger, ref, candidates, diagnostics);
    if (changes.length === 0) continue;
    files.set(ref.file, [...(files.get(ref.file) ?? []), ...changes]);
    measures.push(summary);
  }
  return { files: [...files].map(([file, changes]) => ({ file, changes })), measures, diagnostics };
}

/** Per measure and unit, the entry of the latest month among the reports. */
function latestCandidates(ledger: Ledger, reports: readonly ReportSource[]): Map<string, Candidate> {
  const byId = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref]));
  const latest = new Map<string, Candidate>();
  for (const report of reports) {
    const unit = reportUnit(ledger, report.data);
    if (!unit) continue;
    report.data.entries.forEach((entry, index) => {
      const ref = byId.get(entry.id);
      if (!ref || !isResponsible(ledger.units, ref.measure.units, unit)) return;
      const key = `${entry.id}\u0000${unit}`;
      const known = latest.get(key);
      if (!known || known.month <= report.data.month)
        latest.set(key, { ref, unit, month: report.data.month, entry, report, index });
    });
  }
  return latest;
}

function planMeasure(ledger: Ledger, ref: MeasureRef, candidates: readonly Candidate[], diagnostics: Diagnostic[]) {
  const measure = ref.measure;
  const unitReports: Record<string, UnitReport> = { ...(measure.unit_reports ?? {}) };
  const changes: FieldChange[] = [];
  const changedUnits: string[] = [];
  for (const candidate of candidates) {
    const before = unitReports[candidate.unit];
    const next = carryVerification(before, toUnitReport(candidate.month, candidate.entry));
    unitReports[candidate.unit] = next;
    if (before && sameValue(before, next)) continue;
    changedUnits.push(candidate.unit);
    changes.push(measureChange(ref, ['unit_reports', candidate.unit], before, next));
  }
  const units = reportingUnits(ledger.units, measure.units);
  const fields: MeasureChange['fields'] = [];
  const derive = (field: 'status' | 'progress' | 'milestones_met', after: unknown, before: unknown) => {
    if (after === undefined || sameValue(before, after)) return;
    fields.push({ field, before, after });
    changes.push(measureChange(ref, [field], before, after));
  };
  derive('status', statusFromParts(units.map((unit) => unitReports[unit]?.status ?? '未启动')), measure.status);
  derive('progress', mergedProgress(units, unitReports) || undefined, measure.progress);
  derive('milestones_met', milestonesMet(measure, units, unitReports), measure.milestones_met ?? 0);
  const extensions = plannedExtensions(measure, candidates, diagnostics);
  if (extensions) {
    fields.push({ field: 'extensions', before: measure.extensions, after: extensions });
    changes.push(measureChange(ref, ['extensions'], measure.extensions, extensions));
  }
  return { changes, summary: { id: measure.id, title: measure.title, file: ref.file, units: changedUnits, fields } };
}

function measureChange(ref: MeasureRef, inner: YamlPath, before: unknown, after: unknown): FieldChange {
  return { path: [...ref.path, ...inner], before, after };
}

function toUnitReport(month: string, entry: ReportEntry): UnitReport {
  const out: UnitReport = { month, status: entry.status, progress: entry.progress.trim() };
  if (entry.problems) out.problems = entry.problems.trim();
  if (entry.next_steps) out.next_steps = entry.next_steps.trim();
  if (entry.evidence) out.evidence = entry.evidence;
  if (entry.completed_on) out.completed_on = entry.completed_on;
  if (entry.completed_on_reason) out.completed_on_reason = entry.completed_on_reason.trim();
  if (entry.milestones_met !== undefined) out.milestones_met = entry.milestones_met;
  return out;
}

/**
 * 工作完成情况 of a measure: each reporting unit's latest text on its own
 * paragraph, "单位：文字", in the order of 责任部门; a unit whose latest report is
 * older than the newest one is marked with its month, "单位（2020-06）：文字".
 */
export function mergedProgress(units: readonly string[], unitReports: Readonly<Record<string, UnitReport>>): string {
  const reported = units.filter((unit) => unitReports[unit]?.progress);
  const newest = reported.reduce((max, unit) => (unitReports[unit]!.month > max ? unitReports[unit]!.month : max), '');
  return reported
    .map((unit) => {
      const report = unitReports[unit]!;
      // Further lines of a unit's text are indented under it, so “下一步：…” never reads as a unit.
      return `${unit}${report.month < newest ? `（${report.month}）` : ''}：${indentText(report.progress, CONTINUATION_INDENT)}`;
    })
    .join('\n');
}

/** For measures with several milestones: the fewest met by any reporting unit (a finished unit met all). */
function milestonesMet(
  measure: Measure,
  units: readonly string[],
  unitReports: Readonly<Record<string, UnitReport>>,
): number | undefined {
  const deadline = parseDeadline(measure.deadline);
  if (deadline?.kind !== 'dated' || deadline.milestones.length < 2) return undefined;
  const total = deadline.milestones.length;
  return minOf([
    ...units.map((unit) => {
      const report = unitReports[unit];
      return report?.status === '已完成' ? total : Math.min(total, report?.milestones_met ?? 0);
    }),
  ]);
}

/** The measure's extensions with new requests added as 待审批; undefined when nothing changes. */
function plannedExtensions(
  measure: Measure,
  candidates: readonly Candidate[],
  diagnostics: Diagnostic[],
): Extension[] | undefined {
  const list: Extension[] = [...(measure.extensions ?? [])];
  let changed = false;
  for (const { unit, month, entry, report, index } of candidates) {
    if (!entry.extension) continue;
    const { until, reason } = entry.extension;
    const at = list.findIndex((e) => e.requested_by === unit && e.requested_in === month);
    const known = list[at];
    if (!known) {
      list.push({ requested_by: unit, requested_in: month, until, reason, state: '待审批' });
      changed = true;
    } else if (known.until !== until || known.reason !== reason) {
      if (known.state === '待审批') {
        list[at] = { ...known, until, reason };
        changed = true;
      } else {
        diagnostics.push(
          diagnosticAt(report.locate(['entries', index, 'extension']), {
            severity: 'warning',
            code: 'report/extension-decided',
            message: `${unit} ${month} 对具体措施 ${entry.id} 的延期申请已${known.state === '已批准' ? '批准' : '驳回'}，修改后的申请不会再记录`,
            hint: '如需重新申请，请在下个月的报送中提出',
          }),
        );
      }
    }
  }
  return changed ? list : undefined;
}

/** One `report/stale` error per report file, however many of its measures are older than what is merged. */
function staleDiagnostics(stale: readonly Candidate[]): Diagnostic[] {
  const byReport = new Map<ReportSource, Candidate[]>();
  for (const candidate of stale) byReport.set(candidate.report, [...(byReport.get(candidate.report) ?? []), candidate]);
  return [...byReport].map(([report, candidates]) => {
    const merged = candidates.reduce(
      (max, c) => (c.ref.measure.unit_reports![c.unit]!.month > max ? c.ref.measure.unit_reports![c.unit]!.month : max),
      '',
    );
    return staleReportDiagnostic(
      report,
      candidates[0]!.unit,
      merged,
      '',
      candidates.map((c) => c.ref.measure.id),
    );
  });
}
