import { countBySeverity, sortDiagnostics, type Diagnostic } from '../../core/model/diagnostic.js';
import { compareLedgers } from '../../core/review/ledger-delta.js';
import { reviewPullRequest, type PullRequestReview, type ReportFileChange } from '../../core/review/pr-review.js';
import { isIgnorableReportsFile, REPORTS_DIR } from '../../core/reports/report-path.js';
import { changedSince, gitPrefix, mergeBase, resolveCommit } from '../../io/git.js';
import { openLedger } from '../../io/ledger-repo.js';
import { LEDGER_DIR } from '../../io/ledger-root.js';
import { validateTree } from '../../io/validate-tree.js';
import { DECISIONS_DIR } from '../../core/model/decision-path.js';
import { readDecisions } from '../../io/decision-files.js';

export interface CheckOptions {
  root: string;
  cwd?: string;
  /** The revision the pull request goes into, e.g. origin/main. */
  base: string;
  /** Today, YYYY-MM-DD, for reports dated in the future; default today in the ledger's time zone. */
  asOf?: string;
}

export interface CheckResult extends PullRequestReview {
  base: { rev: string; commit: string };
  /** Every problem: `ledger validate` at the head plus the pull-request rules. */
  diagnostics: Diagnostic[];
  summary: { errors: number; warnings: number };
}

/**
 * Checks a pull request: the work tree (the head) must validate, and compared
 * with where it branched off `base` it must not delete or renumber measures,
 * edit merged reports, set progress no report backs, or mix kinds.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const {
    result: validation,
    ledger: head,
    reports: headReports,
  } = await validateTree({ root: options.root, asOf: options.asOf });
  const target = await resolveCommit(options.root, options.base);
  const commit = (await mergeBase(options.root, target, 'HEAD')) ?? target;
  const repo = openLedger(options.root);
  const asOf = options.asOf ?? (await repo.today());
  const [base, prefix] = await Promise.all([
    repo.atRevision(commit).finally(() => repo.close()),
    gitPrefix(options.root),
  ]);
  const changes = (await changedSince(options.root, commit, [LEDGER_DIR, REPORTS_DIR, DECISIONS_DIR])).map(
    (change) => ({
      ...change,
      path: stripPrefix(change.path, prefix),
      ...(change.oldPath ? { oldPath: stripPrefix(change.oldPath, prefix) } : {}),
    }),
  );
  const reportChanges: ReportFileChange[] = changes
    .filter((c) => c.path.startsWith(`${REPORTS_DIR}/`) || c.oldPath?.startsWith(`${REPORTS_DIR}/`))
    .filter((c) => !isIgnorableReportsFile(c.path))
    .map(({ status, path, oldPath }) => ({ status, path, ...(oldPath ? { oldPath } : {}) }));
  const decisionChanges = changes
    .filter((c) => c.path.startsWith(`${DECISIONS_DIR}/`) || c.oldPath?.startsWith(`${DECISIONS_DIR}/`))
    .map(({ status, path, oldPath }) => ({ status, path, ...(oldPath ? { oldPath } : {}) }));
  const added = readDecisions(
    options.root,
    decisionChanges.filter((c) => c.status === 'A' || c.status === 'C').map((c) => c.path),
  );
  const review = reviewPullRequest({
    base,
    head,
    delta: compareLedgers(base, head),
    reportChanges,
    headReports,
    decisionChanges,
    addedDecisions: added.decisions,
    asOf,
  });
  const unreadable = unreadableFiles(validation.diagnostics);
  const reviewed = review.diagnostics.filter((d) => d.code !== 'check/measure-removed' || !unreadable.has(d.file));
  const diagnostics = sortDiagnostics(dedupe([...validation.diagnostics, ...added.diagnostics, ...reviewed]));
  // A completion an error rejects (an unbacked 已完成, a report entry that fails) is not news: only the error is shown.
  const completes = review.completes.filter((c) => !mentionedInError(c.id, diagnostics));
  // A change under ledger/ that reads as no change of the ledger (a link, a file that is not an area) still touches it.
  const ledgerFiles = changes.filter((c) => c.path.startsWith(`${LEDGER_DIR}/`)).map((c) => c.path);
  const untyped = review.kind === 'none' && ledgerFiles.length > 0;
  return {
    ...review,
    ...(untyped
      ? { kind: 'definition' as const, definitionParts: ledgerFiles.map((file) => `${file}（未能读作台账内容）`) }
      : {}),
    completes,
    base: { rev: options.base, commit },
    diagnostics,
    summary: countBySeverity(diagnostics),
  };
}

/**
 * Files whose measures could not be read at the head (a YAML or schema error, a link): a measure
 * missing there is not “removed”, and the file's own errors say what is wrong.
 */
function unreadableFiles(diagnostics: readonly Diagnostic[]): Set<string> {
  const codes = /^(yaml|schema|file)\//;
  return new Set(diagnostics.filter((d) => d.severity === 'error' && codes.test(d.code)).map((d) => d.file));
}

/** Whether an error's message names the measure (ids are written whole, e.g. 具体措施 1.1.2). */
function mentionedInError(id: string, diagnostics: readonly Diagnostic[]): boolean {
  const token = new RegExp(`(^|[^\\d.])${id.replaceAll('.', '\\.')}($|[^\\d.])`);
  return diagnostics.some((d) => d.severity === 'error' && token.test(d.message));
}

function stripPrefix(file: string, prefix: string): string {
  return prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.file}\u0000${d.line}\u0000${d.col}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
