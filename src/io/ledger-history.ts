import { isRefusedGitMode, LINK_HINT } from './repo-path.js';
import {
  commitVersion,
  dayAt,
  pickCommit,
  worktreeVersion,
  type LedgerVersion,
  type LineCommit,
} from '../core/model/ledger-version.js';
import { REPORTS_DIR } from '../core/reports/report-path.js';
import type { Ledger } from '../core/model/ledger.js';
import { ConfigSchema } from '../core/model/schema.js';
import { buildUnitRegistry } from '../core/model/units.js';
import { GitError } from '../errors.js';
import { firstParentLine, hasCommits, isInsideWorkTree, isShallowRepository, resolveCommit, treeAt } from './git.js';
import { LedgerRevisions } from './ledger-revisions.js';
import { LEDGER_DIR } from './ledger-root.js';
import { classifyReportFiles, listReportFiles } from './load-reports.js';
import type { LoadResult } from './parse-ledger.js';

export interface VersionedLedger extends LoadResult {
  version: LedgerVersion;
  /** The report files of that version (see listReportFiles). */
  reportFiles: string[];
}

/** What the run's LedgerRepo tells its history: the zone, today, and the work tree (read once). */
export interface HistoryContext {
  timezone: string;
  today: string;
  workTree: () => Promise<LoadResult>;
}

/**
 * The ledger's history for one run, opened by LedgerRepo: the first-parent line is listed once, every
 * version is read through one `git cat-file --batch` (LedgerRevisions), so asking for many days
 * (ledger trend) costs one git process per version for its tree, not one per file.
 */
export class LedgerHistory {
  private revisions: LedgerRevisions | undefined;
  private line: LineCommit[] | undefined;
  /** Why there is no history to read (no repository, no commit): asked only when a past day needs it. */
  private missing: Promise<string | undefined> | undefined;
  readonly timezone: string;
  readonly today: string;

  /** Runs no git command: a day from today on needs none. */
  constructor(
    readonly root: string,
    private readonly context: HistoryContext,
  ) {
    this.timezone = context.timezone;
    this.today = context.today;
  }

  /** Which version the end of `day` means; a GitError (exit 2) when history cannot tell. */
  async versionAt(day: string): Promise<LedgerVersion> {
    if (day >= this.today) return worktreeVersion();
    const missing = await this.whyNoHistory();
    if (missing) return worktreeVersion(missing);
    return pickedVersion(this.root, await this.commits(), day, this.timezone);
  }

  private whyNoHistory(): Promise<string | undefined> {
    return (this.missing ??= (async () => {
      if (!(await isInsideWorkTree(this.root))) return '不在 Git 仓库中，无法取历史版本，按工作区计算';
      if (!(await hasCommits(this.root))) return '仓库还没有提交，按工作区计算';
      return undefined;
    })());
  }

  private async commits(): Promise<LineCommit[]> {
    return (this.line ??= await firstParentLine(this.root));
  }

  /** The version a revision names. */
  async versionOf(rev: string): Promise<LedgerVersion> {
    const commit = await resolveCommit(this.root, rev);
    return commitVersion((await firstParentLine(this.root, commit))[0]!, this.timezone);
  }

  /** The first commit of the line (undefined without history). */
  async firstCommitDay(): Promise<string | undefined> {
    if (await this.whyNoHistory()) return undefined;
    const line = await this.commits();
    const first = line[line.length - 1];
    return first && dayAt(first.committed, this.timezone);
  }

  async load(version: LedgerVersion): Promise<VersionedLedger> {
    if (version.source === 'worktree') {
      const loaded = await this.context.workTree();
      return { ...loaded, version, reportFiles: listReportFiles(this.root, loaded.ledger).files };
    }
    const commit = version.commit!;
    const revisions = (this.revisions ??= new LedgerRevisions(this.root));
    const files = await revisions.files(commit);
    if (files.ledgerNames() === undefined) {
      const linked = (await treeAt(this.root, commit, [LEDGER_DIR])).find((e) => e.file === LEDGER_DIR);
      if (linked && isRefusedGitMode(linked.mode))
        throw new GitError(
          `${version.label.replace('台账版本：', '版本 ')} 中的 ${LEDGER_DIR} 是${linked.mode === '160000' ? '子模块' : '符号链接'}，不是台账目录`,
          '',
          `${LINK_HINT}；换一个日期或版本`,
          'no-ledger',
        );
      throw new GitError(
        `${version.label.replace('台账版本：', '版本 ')} 中没有台账目录 ${LEDGER_DIR}/`,
        '',
        '这个版本早于建立台账的提交；换一个更晚的日期或版本',
        'no-ledger',
      );
    }
    const loaded = revisions.parse(files);
    const tree = await treeAt(this.root, commit, [REPORTS_DIR]);
    const links = new Set(tree.filter((entry) => isRefusedGitMode(entry.mode)).map((entry) => entry.file));
    const listed = tree.map((entry) => entry.file);
    const reportFiles = classifyReportFiles(loaded.ledger, listed, (file) => links.has(file)).files;
    return { ...loaded, version, reportFiles };
  }

  /** The ledger as committed in `rev`, parsed like the work tree; an empty ledger when `rev` had none. */
  async ledgerAt(rev: string): Promise<Ledger> {
    const commit = await resolveCommit(this.root, rev);
    const revisions = (this.revisions ??= new LedgerRevisions(this.root));
    const files = await revisions.files(commit);
    return files.ledgerNames() === undefined ? emptyLedger() : revisions.parse(files).ledger;
  }

  close(): void {
    this.revisions?.close();
  }
}

function emptyLedger(): Ledger {
  return { config: ConfigSchema.parse({}), units: buildUnitRegistry({ units: [] }), areas: [] };
}

/** The version with a warning naming an older commit dated after the day (its change is counted). */
function outOfOrder(version: LedgerVersion, commit: LineCommit | undefined, timezone: string): LedgerVersion {
  if (!commit) return version;
  const date = dayAt(commit.committed, timezone);
  const short = commit.hash.slice(0, 7);
  return {
    ...version,
    label: `${version.label}；注意：更早的提交 ${short} 的提交时间是 ${date}，晚于这一天（时钟有误或历史被改写），按提交顺序计入`,
    outOfOrder: { commit: commit.hash, date },
  };
}

async function pickedVersion(root: string, line: LineCommit[], day: string, timezone: string): Promise<LedgerVersion> {
  const pick = pickCommit(line, day, timezone);
  if (pick.kind === 'commit') return outOfOrder(commitVersion(pick.commit, timezone), pick.outOfOrder, timezone);
  const first = commitVersion(pick.first, timezone);
  if (await isShallowRepository(root)) {
    throw new GitError(
      `无法确定 ${day} 的台账版本：这是浅克隆，只有 ${first.date} 以后的历史`,
      '',
      '取回完整历史：git fetch --unshallow（CI 中设置 actions/checkout 的 fetch-depth: 0）',
      'shallow',
    );
  }
  throw new GitError(
    `${day} 时台账还没有提交到仓库（第一个提交是 ${first.date}）`,
    '',
    `换一个不早于 ${first.date} 的日期；要用现在的台账按那一天的时限计算，加 --worktree`,
    'before-first-commit',
  );
}
