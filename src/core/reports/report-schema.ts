import { z } from 'zod';
import { normaliseDateInput } from '../model/date-input.js';
import { DateSchema, MeasureIdSchema, MonthSchema, StatusSchema } from '../model/schema.js';

/**
 * A unit's monthly report (reports/YYYY-MM/<unit>.yaml). Optional fields may be
 * left empty ("" or nothing) because the template writes them that way.
 */

const blank = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;
const optionalText = z.preprocess(blank, z.string().optional());
const text = z.string().trim().min(1);
/** One path or link may be written without the list; an empty list is no evidence. */
const evidenceList = (value: unknown) => {
  if (typeof value === 'string') return blank(value) === undefined ? undefined : [value];
  return Array.isArray(value) && value.length === 0 ? undefined : blank(value);
};

/** A date as typed (2020.9.10, 2020/9/10, 2020年9月10日 …), normalised to YYYY-MM-DD; empty is none. */
const dateInput = z.preprocess((value) => normaliseDateInput(blank(value)), DateSchema.optional());

/** 申请延期: the new date asked for and why. */
export const ExtensionRequestSchema = z.strictObject({
  until: z.preprocess(normaliseDateInput, DateSchema),
  reason: text,
});

export const ReportEntrySchema = z.strictObject({
  /** 具体措施编号 */
  id: MeasureIdSchema,
  /** Context written by the template (措施名称, 完成时限); merge ignores them. */
  title: optionalText,
  deadline: optionalText,
  status: StatusSchema,
  /** 工作完成情况 */
  progress: z.preprocess((value) => (value === null ? '' : value), z.string()).default(''),
  /** 存在问题 */
  problems: optionalText,
  /** 下步计划 */
  next_steps: optionalText,
  /** 佐证材料: paths in the repository or links. */
  evidence: z.preprocess(evidenceList, z.array(text).optional()),
  completed_on: dateInput,
  /** Why a completion date already reported changes (更正完成日期的理由); without it the change is refused. */
  completed_on_reason: optionalText,
  /** For measures with several 完成时限: how many milestones are met, in order. */
  milestones_met: z.preprocess(blank, z.number().int().min(0).optional()),
  extension: z.preprocess(blank, ExtensionRequestSchema.optional()),
});

export const ReportSchema = z.strictObject({
  unit: text,
  month: MonthSchema,
  /** The form's header: 填报人, 联系电话, 审核人（负责人）, 报送日期; kept with the report. */
  filled_by: optionalText,
  phone: z.preprocess((value) => (typeof value === 'number' ? String(value) : blank(value)), z.string().optional()),
  reviewed_by: optionalText,
  submitted_on: dateInput,
  /** When a mailed form reached the lead (`ledger merge --received`); missing/summary use it for lateness. */
  received_on: dateInput,
  entries: z.preprocess((value) => (value === null ? [] : value), z.array(ReportEntrySchema)),
});

export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;
export type ReportEntry = z.infer<typeof ReportEntrySchema>;
export type Report = z.infer<typeof ReportSchema>;

/** The fields of an entry that are context for the reader, not data. */
export const REPORT_CONTEXT_FIELDS = ['title', 'deadline'] as const;
