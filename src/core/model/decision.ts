/**
 * Decisions (决定): the supervision half of the record, each a file its author owns, as reports are
 * the units' half. `ledger verify`, `ledger extend`, `ledger notice --issue` and `ledger receive`
 * write one file per decision under decisions/<deciding unit>/<YYYY-MM>/, so CODEOWNERS can give
 * each folder to its unit and `ledger check` can recompute the ledger from the base plus the
 * report and decision files a pull request adds (docs/audit.md).
 */
import { z } from 'zod';
import { DateSchema, MeasureIdSchema, MonthSchema } from './schema.js';
import { NOTICE_LEVELS } from '../rules/status.js';

const text = z.string().trim().min(1);

const common = {
  /** The deciding unit: the folder the file sits in. */
  by: text,
  /** The day of the decision (YYYY-MM-DD); its month names the folder. */
  on: DateSchema,
  /** Who handled it for the unit (经办人), optional. */
  person: z.string().trim().min(1).optional(),
};

/** 销号: the part `unit` reported 已完成 is verified. */
const VerifySchema = z.strictObject({ decision: z.literal('核验'), measure: MeasureIdSchema, unit: text, ...common });

/** 退回: the part goes back to 推进中, with the reason. */
const ReturnSchema = z.strictObject({
  decision: z.literal('退回'),
  measure: MeasureIdSchema,
  unit: text,
  reason: text,
  ...common,
});

/** The decision on `unit`'s extension request made in its report of `requested_in`. */
const ExtensionSchema = z.strictObject({
  decision: z.enum(['批准延期', '驳回延期']),
  measure: MeasureIdSchema,
  unit: text,
  requested_in: MonthSchema,
  reason: z.string().trim().min(1).optional(),
  ...common,
});

/** One 督办单: to one unit, at one level, about its parts of `measures`. */
const NoticeSchema = z.strictObject({
  decision: z.literal('督办'),
  number: text,
  level: z.enum(NOTICE_LEVELS),
  unit: text,
  measures: z.array(MeasureIdSchema).min(1),
  ...common,
});

/** 收件: a mailed form (reports/<month>/<unit>.*) reached its lead on `on`. */
const ReceiptSchema = z.strictObject({
  decision: z.literal('收件'),
  report: z.string().regex(/^reports\/\d{4}-(0[1-9]|1[0-2])\/[^/]+$/),
  ...common,
});

export const DecisionSchema = z.discriminatedUnion('decision', [
  VerifySchema,
  ReturnSchema,
  ExtensionSchema,
  NoticeSchema,
  ReceiptSchema,
]);

export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionKind = Decision['decision'];
export type VerifyDecision = z.infer<typeof VerifySchema>;
export type ReturnDecision = z.infer<typeof ReturnSchema>;
export type ExtensionDecision = z.infer<typeof ExtensionSchema>;
export type NoticeDecision = z.infer<typeof NoticeSchema>;
export type ReceiptDecision = z.infer<typeof ReceiptSchema>;

/** A decision as read from its file. */
export interface DecisionSource {
  file: string;
  data: Decision;
}
