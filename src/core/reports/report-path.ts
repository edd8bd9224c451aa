/** Where reports live: reports/YYYY-MM/<unit canonical name>.yaml under the ledger root. */
export const REPORTS_DIR = 'reports';

const MONTH_DIR = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A unit name that is safe to use as a file name: no separators, no dots-only, no control characters. */
export function isSafeFileName(name: string): boolean {
  return name.length > 0 && !/[/\\\u0000-\u001f:*?"<>|]/.test(name) && !/^\.+$/.test(name) && !name.includes('..');
}

/** reports/2020-07/市公安局.yaml; undefined when the unit name could escape the folder. */
export function reportPath(month: string, unit: string): string | undefined {
  if (!isSafeFileName(unit) || !MONTH_DIR.test(month)) return undefined;
  return `${REPORTS_DIR}/${month}/${unit}.yaml`;
}

export type ReportPathShape =
  | { kind: 'report'; month: string; unitName: string }
  /** reports/YYYY-MM/<unit>/…: evidence (佐证材料) a unit keeps beside its report, in a folder of its own name. */
  | { kind: 'evidence'; month: string; unitName: string }
  | { kind: 'stray'; reason: 'top-level' | 'month-folder' | 'nested' | 'extension' };

/** What a path under reports/ (relative to the root, forward slashes) ought to be. */
export function classifyReportPath(file: string): ReportPathShape {
  const parts = file.split('/');
  if (parts[0] !== REPORTS_DIR) return { kind: 'stray', reason: 'top-level' };
  if (parts.length === 2) return { kind: 'stray', reason: 'top-level' };
  if (!MONTH_DIR.test(parts[1]!)) return { kind: 'stray', reason: 'month-folder' };
  if (parts.length > 3) return { kind: 'evidence', month: parts[1]!, unitName: parts[2]! };
  const name = parts[2]!;
  if (!name.endsWith('.yaml')) return { kind: 'stray', reason: 'extension' };
  return { kind: 'report', month: parts[1]!, unitName: name.slice(0, -'.yaml'.length) };
}

/** Files allowed in reports/ that are not reports. */
export function isIgnorableReportsFile(file: string): boolean {
  const base = file.split('/').pop() ?? '';
  return base === '.gitkeep' || (file.split('/').length === 2 && /^README(\.md)?$/i.test(base));
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The day `day` of `month` as YYYY-MM-DD. */
export function dayOfMonth(month: string, day: number): string {
  return `${month}-${String(day).padStart(2, '0')}`;
}
