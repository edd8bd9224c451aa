import { dayAt, worktreeVersion } from '../core/ledger-version.js';
import type { VersionedLedger } from './ledger-history.js';
import { listReportFiles } from './list-reports.js';
import { loadLedgerCachedFirst, type CachedFirstOptions } from './load-ledger-cached.js';

export type { VersionedLedger } from './ledger-history.js';

export interface VersionRequest {
  /** The day (YYYY-MM-DD). */
  asOf: string;
  /** An explicit revision (--rev); wins over the day. */
  rev?: string;
  /** Today in the ledger's time zone; default from the clock. */
  today?: string;
  /** The work tree whatever the day (--worktree): today's progress, the day's deadlines. */
  worktree?: boolean;
}

/**
 * The ledger as of a day or at a revision (see core/ledger-version.ts for the rules). From today on
 * (the usual case) this is the work tree through the cache, with no git command and no Git history
 * module loaded; a past day or --rev opens the history.
 */
export async function loadLedgerVersion(
  root: string,
  request: VersionRequest,
  options: CachedFirstOptions = {},
): Promise<VersionedLedger> {
  if (request.rev === undefined) {
    const loaded = await loadLedgerCachedFirst(root, options);
    const today = request.today ?? dayAt(Math.floor(Date.now() / 1000), loaded.ledger.config.timezone);
    if (request.worktree || request.asOf >= today) {
      return { ...loaded, version: worktreeVersion(), reportFiles: listReportFiles(root, loaded.ledger).files };
    }
  }
  const { LedgerHistory } = await import('./ledger-history.js');
  const history = new LedgerHistory(root, request.today);
  try {
    const version =
      request.rev !== undefined ? await history.versionOf(request.rev) : await history.versionAt(request.asOf);
    return await history.load(version);
  } finally {
    history.close();
  }
}

/** The work tree's config (its time zone, its report days). */
export async function worktreeConfig(root: string) {
  return (await loadLedgerCachedFirst(root)).ledger.config;
}
