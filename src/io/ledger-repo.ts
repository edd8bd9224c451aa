import { LEDGER_CHECKS, runChecks } from '../core/rules/checks/index.js';
import type { Diagnostic } from '../core/model/diagnostic.js';
import type { Ledger } from '../core/model/ledger.js';
import { dayAt, worktreeVersion, type LedgerVersion } from '../core/model/ledger-version.js';
import type { Config } from '../core/model/schema.js';
import { writeBlockers } from '../core/rules/write-blockers.js';
import { UsageError } from '../errors.js';
import { clockNow } from './clock.js';
import type { LedgerHistory, VersionedLedger } from './ledger-history.js';
import { listReportFiles } from './list-reports.js';
import { loadLedgerCachedFirst } from './load-ledger-cached.js';
import type { LoadResult } from './parse-ledger.js';
import type { VersionWalk } from './version-walk.js';
import type { MeasureWalk, WalkOptions } from './measure-versions.js';
import type { StatusHistory } from './status-history.js';

export type { VersionedLedger } from './ledger-history.js';

/** Which ledger a command asks for: the end of a day (default today), a revision, or the work tree. */
export interface VersionRequest {
  /** The day (YYYY-MM-DD); default today in the ledger's time zone. */
  asOf?: string;
  /** An explicit revision (--rev); wins over the day. */
  rev?: string;
  /** The work tree whatever the day (--worktree): today's progress, the day's deadlines. */
  worktree?: boolean;
}

/** The ledger checked (load and ledger checks) for an action that needs it free of errors. */
export interface ValidLedger {
  /** Absent when errors stop the action; `diagnostics` then say why (see writeBlockers). */
  ledger?: Ledger;
  diagnostics: Diagnostic[];
}

export interface CheckedLedger {
  ledger: Ledger;
  /** The load's diagnostics and the ledger checks' (what `ledger validate` reports for ledger/). */
  diagnostics: Diagnostic[];
}

/**
 * The one way a command reaches the ledger: opened once per run on a repository root, it answers the
 * work tree, the ledger at a day or a revision, the ledger checked for an action, the config and
 * today — one clock (the run's instant, `clockNow`) read in the ledger's own time zone. Recovery of an
 * interrupted write, the ledger cache and the version rule (core/model/ledger-version.ts) live behind it.
 * The work tree is read once however often it is asked for; history is opened on first need and
 * shared (one `git cat-file --batch`) by every past day of the run.
 */
export class LedgerRepo {
  private loaded: { positions: boolean; result: Promise<LoadResult> } | undefined;
  private opened: LedgerHistory | undefined;

  constructor(
    readonly root: string,
    /** The run's instant, epoch milliseconds (default: the clock, see clockNow). */
    readonly now: number = clockNow(),
  ) {}

  /** The work tree's ledger, uncommitted changes included; `positions` when diagnostics will be located. */
  workTree(options: { positions?: boolean } = {}): Promise<LoadResult> {
    const positions = Boolean(options.positions);
    if (!this.loaded || (positions && !this.loaded.positions))
      this.loaded = { positions, result: loadLedgerCachedFirst(this.root, { positions }) };
    return this.loaded.result;
  }

  /** The work tree's config; the defaults where there is no ledger folder (history may still have one). */
  async config(): Promise<Config> {
    try {
      return (await this.workTree()).ledger.config;
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return (await import('../core/model/schema.js')).ConfigSchema.parse({});
    }
  }

  /** Today: the run's instant in the ledger's time zone (config `timezone`), whatever the machine's zone. */
  async today(): Promise<string> {
    return dayAt(Math.floor(this.now / 1000), (await this.config()).timezone);
  }

  /** The day a command means: the one asked for, else today. */
  async day(asOf?: string): Promise<string> {
    return asOf ?? (await this.today());
  }

  /**
   * The ledger as of a day or at a revision (rules: core/model/ledger-version.ts). From today on this is the
   * work tree, with no git command and no history module loaded; a past day or --rev opens history.
   */
  async version(request: VersionRequest = {}, options: { positions?: boolean } = {}): Promise<VersionedLedger> {
    if (request.rev === undefined) {
      const loaded = await this.workTree(options);
      if (request.worktree || (await this.day(request.asOf)) >= (await this.today())) {
        return { ...loaded, version: worktreeVersion(), reportFiles: listReportFiles(this.root, loaded.ledger).files };
      }
    }
    const history = await this.history();
    const version =
      request.rev !== undefined ? await history.versionOf(request.rev) : await history.versionAt(request.asOf!);
    return history.load(version);
  }

  /** `version` with the ledger checks run: the ledger when nothing stops `action`, else what does. */
  async valid(
    request: VersionRequest = {},
    action = '导出',
  ): Promise<ValidLedger & { version: LedgerVersion; reportFiles: string[] }> {
    const { ledger, diagnostics, version, reportFiles } = await this.version(request, { positions: true });
    return { ...validOnly(checkedOf(ledger, diagnostics), action), version, reportFiles };
  }

  /** The work tree read afresh, valid for `action` (a write, under the lock): the ledger, or the errors that stop it. */
  async validWorkTree(action: string): Promise<ValidLedger> {
    return validOnly(await this.readForWrite(), action);
  }

  /**
   * The work tree read afresh and checked, for a command that holds the write lock: what it plans
   * from is what is on disk now, not what was read before the lock was taken.
   */
  async readForWrite(): Promise<CheckedLedger> {
    const { ledger, diagnostics } = await this.readWorkTree();
    return checkedOf(ledger, diagnostics);
  }

  /** The work tree read now, every file parsed (validate, check, writers); later asks get this read. */
  readWorkTree(): Promise<LoadResult> {
    const result = import('./load-ledger.js').then(({ loadLedger }) => loadLedger(this.root));
    this.loaded = { positions: true, result };
    return result;
  }

  /** The ledger's Git history for this run (opened once, closed by `close`). */
  async history(): Promise<LedgerHistory> {
    if (this.opened) return this.opened;
    const { LedgerHistory } = await import('./ledger-history.js');
    const config = await this.config();
    this.opened = new LedgerHistory(this.root, {
      timezone: config.timezone,
      today: await this.today(),
      workTree: () => this.workTree({ positions: true }),
    });
    return this.opened;
  }

  /** Days in order through this run's history, each version read once (trend, 通报, site, lights). */
  async walk(options: { worktree?: boolean } = {}): Promise<VersionWalk> {
    const { VersionWalk } = await import('./version-walk.js');
    return new VersionWalk(await this.history(), options);
  }

  /** Each commit's change to each measure, oldest first (`id`: one measure's only): history, the site. */
  async measureChanges(options: WalkOptions = {}): Promise<MeasureWalk> {
    return (await import('./measure-versions.js')).walkMeasureChanges(this.root, options);
  }

  /** Every status change across history, newest first, resumed from the log cache: `ledger log`. */
  async statusChanges(): Promise<StatusHistory> {
    return (await import('./status-history.js')).statusHistory(this.root);
  }

  /** The ledger as committed in `rev` (an empty ledger when `rev` had none): the base of `ledger check`. */
  async atRevision(rev: string): Promise<Ledger> {
    return (await this.history()).ledgerAt(rev);
  }

  close(): void {
    this.opened?.close();
    this.opened = undefined;
  }
}

/** Opens the ledger of a repository root for one run (the one clock unless `now` is given). */
export function openLedger(root: string, now?: number): LedgerRepo {
  return new LedgerRepo(root, now);
}

/**
 * Runs a command on its day: opens the ledger of `options.root`, resolves `asOf` (default today in the
 * ledger's time zone), hands both to `run` and closes the history whatever happens.
 */
export function onLedgerDay<O extends { root: string; asOf?: string }, R>(
  options: O,
  run: (repo: LedgerRepo, options: O & { asOf: string }) => Promise<R>,
): Promise<R> {
  return withLedger(options.root, async (repo) => run(repo, { ...options, asOf: await repo.day(options.asOf) }));
}

/** Opens the ledger of `root`, hands it to `run` and closes its history whatever happens. */
export async function withLedger<R>(root: string, run: (repo: LedgerRepo) => Promise<R>): Promise<R> {
  const repo = openLedger(root);
  try {
    return await run(repo);
  } finally {
    repo.close();
  }
}

function checkedOf(ledger: Ledger, diagnostics: Diagnostic[]): CheckedLedger {
  return { ledger, diagnostics: [...diagnostics, ...runChecks(ledger, LEDGER_CHECKS)] };
}

function validOnly({ ledger, diagnostics }: CheckedLedger, action: string): ValidLedger {
  const blockers = writeBlockers(diagnostics, action);
  return blockers.length > 0 ? { diagnostics: blockers } : { ledger, diagnostics: [] };
}
