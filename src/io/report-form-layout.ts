import { readFileSync } from 'node:fs';
import { ReportFormLayoutSchema, type ReportFormLayout } from '../core/reports/report-form-layout.js';
import { TEMPLATES_URL } from './templates.js';

export { REPORT_COLUMN_KEYS, ReportFormLayoutSchema } from '../core/reports/report-form-layout.js';
export type { ReportColumnKey, ReportFormLayout } from '../core/reports/report-form-layout.js';

/** The header fields of a report, in the order the form shows them. */
export const REPORT_HEADER_KEYS = ['filled_by', 'phone', 'reviewed_by', 'submitted_on'] as const;

export const REPORT_FORM_LAYOUT_URL = new URL('report-form.json', TEMPLATES_URL);

/** Reads the layout shipped in templates/; a broken layout is a bug in the installation, so it throws. */
export function loadReportFormLayout(url: URL = REPORT_FORM_LAYOUT_URL): ReportFormLayout {
  return ReportFormLayoutSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}
