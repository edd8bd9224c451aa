import path from 'node:path';
import type { Diagnostic } from '../../core/model/diagnostic.js';
import { noticeDecisions, planNotices, type NoticePlan } from '../../core/rules/notice-plan.js';
import { applyDecisions, decisionDeciders } from '../../core/rules/decisions.js';
import type { Ledger } from '../../core/model/ledger.js';
import { UsageError } from '../../errors.js';
import { decisionWrite } from '../../io/decision-files.js';
import { dayOfMonth } from '../../core/reports/report-path.js';
import { applyMerge } from '../../io/apply-merge.js';
import { withWriteSession, type WriteSession } from '../../io/repo-write.js';
import { writeFilesAtomically, type FileWrite } from '../../io/atomic-file.js';
import { guardOutput } from '../../io/output-guard.js';
import { safeFileName } from '../../core/model/safe-names.js';
import { noticeLetter } from '../../core/summaries/notice-letter.js';
import type { LedgerVersion } from '../../core/model/ledger-version.js';
import { withLedger, type LedgerRepo } from '../../io/ledger-repo.js';
import { resolveUnitOption } from '../shared/resolve-unit-option.js';

export interface NoticeOptions {
  root: string;
  cwd?: string;
  /** The day; default the `month`'s lead report day (config lead_report_day), else today. */
  asOf?: string;
  month?: string;
  /** Only this unit's parts (name or alias). */
  unit?: string;
  /** The issuing office; default config.notice_issuer. */
  by?: string;
  /** Record the new notices in the ledger. */
  issue?: boolean;
  /** Listing only: this Git revision, or the work tree whatever the day. */
  rev?: string;
  worktree?: boolean;
}

export interface NoticeResult {
  /** Ledger errors: nothing was planned or written. */
  diagnostics: Diagnostic[];
  plan?: NoticePlan;
  /** Which version of the ledger was judged: the day's, or the work tree when issuing. */
  version?: LedgerVersion;
  /** Ledger files the new notices were written to (with `issue`). */
  written: string[];
}

/** The 督办单 due on `asOf`; with `issue`, records them in the ledger (levels only go up, so twice writes nothing). */
export function notice(options: NoticeOptions): Promise<NoticeResult> {
  if (!options.issue) return withLedger(options.root, (repo) => noticeIn(repo, options));
  // Issuing reads, numbers and writes under the write lock: two at once never share a number or lose a notice.
  return withWriteSession(options.root, 'ledger notice --issue', (session) =>
    withLedger(options.root, (repo) => noticeIn(repo, options, session)),
  );
}

/**
 * Listing judges the ledger as committed by the end of the day (so a past day's list is what it was
 * then); issuing writes into the work tree, so it judges the work tree.
 */
async function noticeIn(repo: LedgerRepo, options: NoticeOptions, session?: WriteSession): Promise<NoticeResult> {
  const config = await repo.config();
  const asOf = options.asOf ?? (options.month ? dayOfMonth(options.month, config.lead_report_day) : await repo.today());
  const loaded = options.issue
    ? { ...(await repo.validWorkTree('发出督办单')), version: undefined }
    : await repo.valid({ asOf, rev: options.rev, worktree: options.worktree }, '列出督办单');
  if (!loaded.ledger) return { diagnostics: loaded.diagnostics, written: [] };
  const ledger = loaded.ledger;
  const unit = options.unit === undefined ? undefined : resolveUnitOption(ledger.units, options.unit, '--unit');
  const issuer = options.by?.trim() || ledger.config.notice_issuer;
  const plan = planNotices(ledger, asOf, issuer, { unit });
  const written = session ? issueNotices(options.root, ledger, plan, session) : [];
  return { diagnostics: [], plan, ...(loaded.version ? { version: loaded.version } : {}), written };
}

/** Records the plan's 督办单: one decision file each, and the notices they add to the ledger. */
function issueNotices(root: string, ledger: Ledger, plan: NoticePlan, session: WriteSession): string[] {
  const decisions = noticeDecisions(plan);
  if (decisions.length === 0) return [];
  const allowed = decisionDeciders(ledger, decisions[0]!);
  if (!allowed.includes(plan.issuedBy))
    throw new UsageError(
      `${plan.issuedBy} 不能发出督办单（可以发出的：${allowed.join('、')}）`,
      `由督办单位发出：--by ${allowed[0] ?? ledger.config.notice_issuer}，或在 ledger/config.yaml 中设置 notice_issuer`,
    );
  const applied = applyDecisions(ledger, decisions);
  const failed = applied.problems[0];
  if (failed)
    throw new UsageError(`不能发出 ${failed.decision.number}：${failed.problem}`, '运行 ledger validate 检查台账');
  return applyMerge(root, applied.changes, decisions.map(decisionWrite), session);
}

/**
 * Writes each new 督办单 as a Word file `<number>-<unit>.docx` into `dir` (through the output guard;
 * each name made safe and unique); returns the paths written.
 */
export async function writeNoticeDocx(result: NoticeResult, root: string, dir: string): Promise<string[]> {
  const { renderNoticeDocx } = await import('../../render/notice-docx.js');
  guardOutput(root, dir, { kind: 'folder' });
  const writes: FileWrite[] = [];
  for (const doc of result.plan?.documents ?? []) {
    const file = path.join(dir, `${safeFileName(`${doc.number}-${doc.unit}`)}.docx`);
    writes.push({ path: file, content: await renderNoticeDocx(noticeLetter(doc)) });
  }
  if (writes.length > 0) writeFilesAtomically(writes);
  return writes.map((w) => w.path);
}
