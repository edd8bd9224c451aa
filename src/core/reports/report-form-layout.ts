import { z } from 'zod';

/** The xlsx report form's layout as data (templates/report-form.json); io/report-form-layout reads it. */
const CellRefSchema = z.string().regex(/^[A-Z]+[1-9]\d*$/);
const MetaSchema = z.object({ label: CellRefSchema, labelText: z.string(), value: CellRefSchema });

export const REPORT_COLUMN_KEYS = [
  'id',
  'title',
  'deadline',
  'status',
  'progress',
  'problems',
  'next_steps',
  'evidence',
  'completed_on',
  'milestones_met',
  'extension_until',
  'extension_reason',
] as const;

/** The xlsx report form's layout (templates/report-form.json). */
export const ReportFormLayoutSchema = z.object({
  sheet: z.string().min(1),
  title: z.string(),
  meta: z.object({
    unit: MetaSchema,
    month: MetaSchema,
    /** The form's header fields (填报人, 联系电话, 审核人, 报送日期), filled by the unit. */
    filled_by: MetaSchema.optional(),
    phone: MetaSchema.optional(),
    reviewed_by: MetaSchema.optional(),
    submitted_on: MetaSchema.optional(),
  }),
  headerRow: z.number().int().min(2),
  note: z.string().default(''),
  statusChoices: z.array(z.string()).min(1),
  columns: z
    .array(
      z.object({
        key: z.enum(REPORT_COLUMN_KEYS),
        header: z.string().min(1),
        width: z.number().positive(),
        locked: z.boolean(),
        list: z.literal('statusChoices').optional(),
        /** Stored as text so that spreadsheet apps do not turn dates into numbers. */
        text: z.boolean().optional(),
      }),
    )
    .min(1),
});

export type ReportFormLayout = z.infer<typeof ReportFormLayoutSchema>;
export type ReportColumnKey = (typeof REPORT_COLUMN_KEYS)[number];
