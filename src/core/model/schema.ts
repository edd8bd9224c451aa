import { z } from 'zod';
import { DEFAULT_SUPERVISORS } from '../rules/extension-rules.js';
import { NOTICE_LEVELS, STATUSES } from '../rules/status.js';

/**
 * The one source of truth for the ledger's file formats. Types come from
 * `z.infer`; nothing here is written twice. Keys are English; the README maps
 * them to the document's own terms (主要指标, 目标任务, 具体措施, 责任部门 …).
 */

const text = z.string().trim().min(1);
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const DateSchema = z.iso.date();
export const StatusSchema = z.enum(STATUSES);
export const MeasureIdSchema = z.string().regex(/^[1-9]\d*\.[1-9]\d*\.[1-9]\d*$/);
export const TaskIdSchema = z.string().regex(/^[1-9]\d*\.[1-9]\d*$/);

export const VERIFICATION_STATES = ['已核验', '已退回'] as const;

/** The lead's check of a part reported 已完成 (销号), or its rejection back to 推进中. */
export const VerificationSchema = z.strictObject({
  state: z.enum(VERIFICATION_STATES),
  by: text,
  on: DateSchema,
  reason: z.string().optional(),
});

/** One unit's latest merged report on one measure. */
export const UnitReportSchema = z.strictObject({
  month: MonthSchema,
  status: StatusSchema,
  progress: z.string().default(''),
  problems: z.string().optional(),
  next_steps: z.string().optional(),
  evidence: z.array(text).optional(),
  completed_on: DateSchema.optional(),
  /** Why the completion date differs from the one reported before (the report's completed_on_reason). */
  completed_on_reason: z.string().optional(),
  milestones_met: z.number().int().min(0).optional(),
  /** Set by `ledger verify`; kept while the unit keeps reporting 已完成. */
  verification: VerificationSchema.optional(),
});

/** A 督办单 issued to one unit about its part of a measure (`ledger notice --issue`). */
export const NoticeSchema = z.strictObject({
  unit: text,
  level: z.enum(NOTICE_LEVELS),
  issued_on: DateSchema,
  issued_by: text,
  /** 督办〔2020〕3号: one number per 督办单 (one unit, one level, one day). */
  number: text,
});

export const EXTENSION_STATES = ['待审批', '已批准', '已驳回'] as const;

/**
 * A unit's request to move the deadline of its own part of a measure (申请延期) and the decision
 * (by the lead, or by a supervisor when the lead asked; see extension-rules.ts).
 */
export const ExtensionSchema = z.strictObject({
  requested_by: text,
  requested_in: MonthSchema,
  until: DateSchema,
  reason: text,
  state: z.enum(EXTENSION_STATES),
  decided_on: DateSchema.optional(),
  decided_by: z.string().optional(),
  decision_reason: z.string().optional(),
});

/** 具体措施: one row of the ledger. */
export const MeasureSchema = z.strictObject({
  id: MeasureIdSchema,
  title: text,
  text: text,
  /** 完成时限 as written in the document; parsed on load, never stored parsed. */
  deadline: text,
  /** 责任部门, canonical names from units.yaml. */
  units: z.array(text).min(1),
  /** The document adds “等相关部门” after the named units. */
  related_units: z.boolean().optional(),
  status: StatusSchema.default('未启动'),
  /** 工作完成情况 */
  progress: z.string().default(''),
  /** 备注 */
  remark: z.string().default(''),
  /** For measures with several milestones: how many have been met, in order. */
  milestones_met: z.number().int().min(0).optional(),
  /** Latest merged report per responsible unit. */
  unit_reports: z.record(z.string(), UnitReportSchema).optional(),
  extensions: z.array(ExtensionSchema).optional(),
  /** 督办单 issued to its units, oldest first. */
  notices: z.array(NoticeSchema).optional(),
});

/** 目标任务 */
export const TaskSchema = z.strictObject({
  id: TaskIdSchema,
  title: text,
  text: text,
  /** 牵头单位 of this task, where the area's leads lead tasks separately (分别牵头). */
  lead: text.optional(),
  measures: z.array(MeasureSchema).min(1),
});

/** 主要指标: one area file. */
export const AreaSchema = z.strictObject({
  area: z.number().int().min(1),
  title: text,
  /** 牵头单位; several when they lead tasks separately (分别牵头). */
  lead: z.array(text).min(1),
  tasks: z.array(TaskSchema).min(1),
});

/** A unit in the registry; one with members is a group whose members report separately. */
export const UnitSchema = z.strictObject({
  name: text,
  full_name: z.string().optional(),
  aliases: z.array(text).optional(),
  /** Members that report separately (各县区 → 大武口区, 惠农区, 平罗县). */
  members: z.array(text).optional(),
  /** Owner handle on the Git host, for CODEOWNERS. */
  owner: z.string().optional(),
});

export const UnitsFileSchema = z.strictObject({
  units: z.array(UnitSchema).min(1),
});

/** China Standard Time: the ledger's zone unless config.yaml says otherwise. */
export const DEFAULT_TIMEZONE = '+08:00';

export const ConfigSchema = z.strictObject({
  title: z.string().default('工作台账'),
  /** Days ahead within which a deadline counts as due soon (临期). */
  due_soon_days: z.number().int().min(0).default(30),
  /** Days overdue past which a measure is seriously overdue (严重逾期). */
  escalation_days: z.number().int().min(0).default(30),
  /** Units report to their lead by this day of each month. */
  report_day: z.number().int().min(1).max(28).default(20),
  /** Leads report to 市发改委/市审批局 by this day of each month. */
  lead_report_day: z.number().int().min(1).max(28).default(25),
  /** Decide a lead's own extension requests (a unit never decides its own). */
  supervisors: z
    .array(text)
    .min(1)
    .default([...DEFAULT_SUPERVISORS]),
  /** A part reported 已完成 is 待核验 until its lead verifies it (`ledger verify`). */
  require_verification: z.boolean().default(false),
  /** 督办单: who issues them, and the thresholds of the three levels (see docs/supervision.md). */
  notice_issuer: text.default('市政府督查室'),
  /** 蓝: not started and due within this many days. */
  notice_blue_days: z.number().int().min(0).default(15),
  /** 红: still overdue this many days after a 黄 notice. */
  notice_red_after_days: z.number().int().min(1).default(30),
  /** 红 at once: overdue by more than this many days. */
  notice_red_overdue_days: z.number().int().min(1).default(60),
  /** Weights of the 责任单位通报 score (core/summaries/unit-ranking.ts, docs/status.md). */
  ranking: z
    .strictObject({
      done_on_time: z.number().min(0).default(60),
      report_month: z.number().min(0).default(20),
      report_year: z.number().min(0).default(20),
      overdue: z.number().min(0).default(5),
    })
    .prefault({}),
  /** The day the plan starts: no completed_on in a report may be earlier. */
  plan_start: DateSchema.default('2020-01-01'),
  /** The ledger's time zone as a UTC offset: which commit was the ledger "at the end of" a day. */
  timezone: z
    .string()
    .regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, '时区写作 UTC 偏移，例如 +08:00')
    .default(DEFAULT_TIMEZONE),
});

export type UnitReport = z.infer<typeof UnitReportSchema>;
export type Extension = z.infer<typeof ExtensionSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export type Verification = z.infer<typeof VerificationSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Area = z.infer<typeof AreaSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type UnitsFile = z.infer<typeof UnitsFileSchema>;
export type Config = z.infer<typeof ConfigSchema>;
