import { GitError } from '../errors.js';
import { openBlobReader, treeAt, type BlobReader, type TreeFile } from './git.js';
import { filesInMemory, type LedgerFiles } from './ledger-files.js';
import { LEDGER_DIR } from './ledger-root.js';
import { AreaPieces } from './area-pieces.js';
import { keyParts } from './ledger-assembly.js';
import { openLedgerCache, type LedgerCache } from './ledger-cache.js';
import { parseLedger, parseMemo, type LoadResult, type ParseMemo } from './parse-ledger.js';

/**
 * Reads the ledger of many revisions through one long-lived `git cat-file --batch`: every blob is
 * read once and every file parsed once per content (memoised on the blob id; of a changed area file,
 * only the measures that changed, see AreaPieces), so walking a year
 * of month ends costs about one full parse plus the files that changed; files still in the work tree
 * with the same content come parsed from the ledger cache. Memory stays at about two
 * revisions: what the latest load did not use is forgotten (loads already returned keep theirs).
 */
export class LedgerRevisions {
  private readonly reader: BlobReader;
  private readonly bodies = new Map<string, Uint8Array>();
  private readonly memo: ParseMemo;

  constructor(private readonly root: string) {
    this.reader = openBlobReader(root);
    // Files still in the work tree were parsed there: the ledger cache has them (opened on the first parse).
    let cache: { opened?: LedgerCache } | undefined;
    const stored = (key: string) => (cache ??= { opened: openLedgerCache(root, LEDGER_DIR) }).opened?.parse(key);
    this.memo = parseMemo({ pieces: new AreaPieces(), stored });
  }

  /** The files of `commit` under `dirs` (default ledger/), read into memory. */
  async files(commit: string, dirs: readonly string[] = [LEDGER_DIR]): Promise<LedgerFiles> {
    const entries = (await treeAt(this.root, commit, dirs)).filter(isRegularFile);
    const own = new Map<string, Uint8Array>();
    const wanted = [...new Set(entries.map((e) => e.blob))];
    const bodies = await Promise.all(wanted.map((blob) => this.blob(blob)));
    wanted.forEach((blob, i) => own.set(blob, bodies[i]!));
    this.forgetAllBut(own);
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

  close(): void {
    this.reader.close();
  }

  private async blob(id: string): Promise<Uint8Array> {
    const known = this.bodies.get(id);
    if (known) return known;
    const body = await this.reader.read(id);
    if (!body) {
      throw new GitError(
        `Git 仓库中缺少对象 ${id.slice(0, 7)}`,
        '',
        '仓库不完整（浅克隆或部分克隆）；取回完整历史：git fetch --unshallow',
      );
    }
    this.bodies.set(id, body);
    return body;
  }

  private forgetAllBut(kept: ReadonlyMap<string, Uint8Array>): void {
    for (const id of this.bodies.keys()) if (!kept.has(id)) this.bodies.delete(id);
    for (const key of this.memo.files.keys()) if (!kept.has(keyParts(key).blob)) this.memo.files.delete(key);
  }
}

function isRegularFile(entry: TreeFile): boolean {
  return entry.mode === '100644' || entry.mode === '100755';
}
