import { worktreeVersion } from '../core/model/ledger-version.js';
import type { LedgerHistory, VersionedLedger } from './ledger-history.js';

/**
 * Days in order through one LedgerHistory: each version is read and parsed once however many days
 * share it. The one way `trend`, the summary's trend and the site's trend read past ledgers.
 */
const UNREACHED = new Set(['before-first-commit', 'shallow', 'no-ledger']);

export class VersionWalk {
  private last: { key: string; loaded: VersionedLedger } | undefined;

  /** Opened by LedgerRepo.walk on the run's history (closed with it). */
  constructor(
    readonly history: LedgerHistory,
    private readonly options: { worktree?: boolean } = {},
  ) {}

  /** The ledger as committed by the end of `day` (the work tree from today on, or with `worktree`). */
  async load(day: string): Promise<VersionedLedger> {
    const version = this.options.worktree ? worktreeVersion() : await this.history.versionAt(day);
    const key = version.commit ?? 'worktree';
    if (this.last?.key !== key) this.last = { key, loaded: await this.history.load(version) };
    return { ...this.last.loaded, version };
  }

  /**
   * The same for a past day, or undefined when history does not reach it: before the first commit
   * (or the oldest one of a shallow clone), before the ledger folder existed, outside Git or before
   * any commit (where `load` would fall back to today's work tree). A rewritten history still throws.
   */
  async committed(day: string): Promise<VersionedLedger | undefined> {
    try {
      const loaded = await this.load(day);
      return loaded.version.note !== undefined ? undefined : loaded;
    } catch (error) {
      if (UNREACHED.has((error as { kind?: string }).kind ?? '')) return undefined;
      throw error;
    }
  }
}
