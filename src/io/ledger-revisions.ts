import { isRefusedGitMode } from './repo-path.js';
import { GitError } from '../errors.js';
import { treeAt, type TreeFile } from './git.js';
import { HistoryReader } from './history-reader.js';
import { filesInMemory, type LedgerFiles } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import { keyParts } from './ledger-assembly.js';
import { openLedgerCache, type LedgerCache } from './ledger-cache.js';
import { parseLedger, parseMemo, type LoadResult, type ParseMemo } from './parse-ledger.js';
import { openItemStore, type ItemStore } from './item-store.js';
import { areaItemMemo } from './yaml-source.js';

/**
 * The whole ledger at a commit, read through the history reader: every blob is read once and
 * every file parsed once per content (memoised on its blob id), so walking a year of month ends
 * costs about one full parse plus the files that changed; files still in the work tree with the
 * same content come parsed from the ledger cache. Memory stays at about two revisions: what the
 * latest load did not use is forgotten (loads already returned keep theirs).
 */
export class LedgerRevisions {
  private readonly history: HistoryReader;
  private readonly memo: ParseMemo;
  private readonly store: ItemStore;

  constructor(private readonly root: string) {
    this.history = new HistoryReader(root);
    // Files still in the work tree were parsed there: the ledger cache has them (opened on the first parse).
    let cache: { opened?: LedgerCache } | undefined;
    const stored = (key: string) => (cache ??= { opened: openLedgerCache(root, LEDGER_DIR) }).opened?.parse(key);
    this.store = openItemStore(root);
    this.memo = parseMemo({ stored, items: areaItemMemo(this.store) });
  }

  /** The files of `commit` under `dirs` (default ledger/), read into memory. */
  async files(commit: string, dirs: readonly string[] = [LEDGER_DIR]): Promise<LedgerFiles> {
    // Links and submodules stay listed (never read), so the ledger names them (file/symlink) instead of losing an area.
    const entries = (await treeAt(this.root, commit, dirs)).filter((e) => isRegularFile(e) || isRefusedGitMode(e.mode));
    const wanted = new Set(entries.filter(isRegularFile).map((e) => e.blob));
    await this.history.readAll(wanted);
    const own = new Map<string, Uint8Array>();
    for (const blob of wanted) own.set(blob, await this.present(blob));
    this.forgetAllBut(wanted);
    return filesInMemory(this.root, commit, entries, own);
  }

  /** The ledger as committed in `commit` (a full hash, see resolveCommit). */
  async load(commit: string): Promise<LoadResult & { files: LedgerFiles }> {
    const files = await this.files(commit);
    return { ...this.parse(files), files };
  }

  /** The second step for files this reader read: unchanged files are not parsed again. */
  parse(files: LedgerFiles): LoadResult {
    return parseLedger(files, this.memo);
  }

  /** Ends the reader; what was parsed is kept for the next walk (history-cache.json). */
  close(): void {
    this.history.close();
    this.store.save();
  }

  private async present(id: string): Promise<Uint8Array> {
    const body = await this.history.blob(id);
    if (body) return body;
    throw new GitError(
      `Git 仓库中缺少对象 ${id.slice(0, 7)}`,
      '',
      '仓库不完整（浅克隆或部分克隆）；取回完整历史：git fetch --unshallow',
    );
  }

  private forgetAllBut(kept: ReadonlySet<string>): void {
    this.history.keepOnly(kept);
    for (const key of this.memo.files.keys()) if (!kept.has(keyParts(key).blob)) this.memo.files.delete(key);
  }
}

function isRegularFile(entry: TreeFile): boolean {
  return entry.mode === '100644' || entry.mode === '100755';
}
