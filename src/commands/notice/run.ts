import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.js';
import { planNotices, type NoticePlan } from '../../core/notice-plan.js';
import { dayOfMonth } from '../../core/report-path.js';
import { applyMerge } from '../../io/apply-merge.js';
import { writeFilesAtomically, type FileWrite } from '../../io/atomic-file.js';
import { noticeLetter } from '../../core/notice-letter.js';
import { loadValidLedger } from '../render/run.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface NoticeOptions {
  root: string;
  cwd?: string;
  /** The day; default the `month`'s lead report day (config lead_report_day). */
  asOf?: string;
  month?: string;
  /** Only this unit's parts (name or alias). */
  unit?: string;
  /** The issuing office; default config.notice_issuer. */
  by?: string;
  /** Record the new notices in the ledger. */
  issue?: boolean;
}

export interface NoticeResult {
  /** Ledger errors: nothing was planned or written. */
  diagnostics: Diagnostic[];
  plan?: Omit<NoticePlan, 'changes'>;
  /** Ledger files the new notices were written to (with `issue`). */
  written: string[];
}

/** The 督办单 due on `asOf`; with `issue`, records them in the ledger (levels only go up, so twice writes nothing). */
export function notice(options: NoticeOptions): NoticeResult {
  const loaded = loadValidLedger(options.root, options.issue ? '发出督办单' : '列出督办单');
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics, written: [] };
  const ledger = loaded.ledger;
  const unit = options.unit === undefined ? undefined : resolveUnitOption(ledger.units, options.unit, '--unit');
  const issuer = options.by?.trim() || ledger.config.notice_issuer;
  const asOf = options.asOf ?? dayOfMonth(options.month!, ledger.config.lead_report_day);
  const { changes, ...plan } = planNotices(ledger, asOf, issuer, { unit });
  const written = options.issue && changes.length > 0 ? applyMerge(options.root, changes) : [];
  return { diagnostics: [], plan, written };
}

/** Writes each new 督办单 as a Word file `<number>-<unit>.docx` into `dir`; returns the paths written. */
export async function writeNoticeDocx(result: NoticeResult, dir: string): Promise<string[]> {
  const { renderNoticeDocx } = await import('../../render/notice-docx.js');
  const writes: FileWrite[] = [];
  for (const doc of result.plan?.documents ?? []) {
    const file = path.join(dir, `${doc.number}-${doc.unit}.docx`);
    writes.push({ path: file, content: await renderNoticeDocx(noticeLetter(doc)) });
  }
  if (writes.length > 0) writeFilesAtomically(writes);
  return writes.map((w) => w.path);
}
