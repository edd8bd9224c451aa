import { milestoneCount } from '../model/deadline.js';
import { measureRefs, type Ledger, type MeasureRef } from '../model/ledger.js';
import { dayOfMonth } from './report-path.js';
import type { Report, ReportEntry } from './report-schema.js';
import type { Status } from '../rules/status.js';
import { isResponsible } from '../model/units.js';

/** One row of a report form: the data fields plus context for whoever fills it in. */
export interface FormEntry {
  id: string;
  title: string;
  deadline: string;
  /** Number of 完成时限 (milestones); milestones_met is asked for when there are several. */
  milestones: number;
  status: Status;
  progress: string;
  problems?: string;
  next_steps?: string;
  evidence?: string[];
  completed_on?: string;
  milestones_met?: number;
  extension?: { until: string; reason: string };
  /** Month of the merged report this row was carried forward from. */
  carried_from?: string;
}

/** The form's header (填报人, 联系电话, 审核人, 报送日期) and when the lead received it. */
export interface ReportHeader {
  filled_by?: string;
  phone?: string;
  reviewed_by?: string;
  submitted_on?: string;
  received_on?: string;
}

export interface ReportForm {
  /** The ledger's title (config.yaml `title`), for the xlsx form's heading. */
  title?: string;
  unit: string;
  month: string;
  /** Filled header fields (a stored copy of a form); a new template leaves them blank. */
  header?: ReportHeader;
  /** The day the report is due (config.report_day of the month). */
  due: string;
  entries: FormEntry[];
}

/** The measures a unit reports on: those it is responsible for directly or through a group. */
export function measuresOfUnit(ledger: Ledger, unit: string): MeasureRef[] {
  return measureRefs(ledger).filter((ref) => isResponsible(ledger.units, ref.measure.units, unit));
}

/** A pre-filled form for `unit` and `month`: the unit's latest merged status and texts carried forward. */
export function buildReportForm(ledger: Ledger, unit: string, month: string): ReportForm {
  const entries = measuresOfUnit(ledger, unit).map((ref): FormEntry => {
    const last = ref.measure.unit_reports?.[unit];
    const entry: FormEntry = { ...context(ref), status: last?.status ?? '未启动', progress: last?.progress ?? '' };
    if (!last) return entry;
    return {
      ...entry,
      carried_from: last.month,
      ...(last.problems ? { problems: last.problems } : {}),
      ...(last.next_steps ? { next_steps: last.next_steps } : {}),
      ...(last.evidence ? { evidence: last.evidence } : {}),
      ...(last.completed_on ? { completed_on: last.completed_on } : {}),
      ...(last.milestones_met !== undefined ? { milestones_met: last.milestones_met } : {}),
    };
  });
  return { title: ledger.config.title, unit, month, due: dayOfMonth(month, ledger.config.report_day), entries };
}

/** A filled report (e.g. read from xlsx) as a form, with the ledger's context, for storing as YAML. */
export function formFromReport(ledger: Ledger, unit: string, report: Report): ReportForm {
  const byId = new Map(measureRefs(ledger).map((ref) => [ref.measure.id, ref]));
  const entries = report.entries.map((entry: ReportEntry): FormEntry => {
    const ref = byId.get(entry.id);
    const { title: _title, deadline: _deadline, ...data } = entry;
    return {
      ...(ref
        ? context(ref)
        : { id: entry.id, title: entry.title ?? '', deadline: entry.deadline ?? '', milestones: 1 }),
      ...data,
    };
  });
  const header: ReportHeader = {};
  for (const key of ['filled_by', 'phone', 'reviewed_by', 'submitted_on', 'received_on'] as const) {
    if (report[key]) header[key] = report[key];
  }
  const due = dayOfMonth(report.month, ledger.config.report_day);
  return { unit, month: report.month, header, due, entries };
}

function context(ref: MeasureRef): Pick<FormEntry, 'id' | 'title' | 'deadline' | 'milestones'> {
  return {
    id: ref.measure.id,
    title: ref.measure.title,
    deadline: ref.measure.deadline,
    milestones: milestoneCount(ref.measure.deadline),
  };
}
