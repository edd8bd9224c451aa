import { openBlobReader, type BlobReader } from './git.js';

/**
 * The one reader of the ledger's Git history: blobs come out of one long-lived `git cat-file --batch`
 * and are kept by blob id, so a blob that stands in many commits (a file no commit since has changed)
 * is read once. What is kept is the caller's to say (`keepOnly`, `release`): a walk over months keeps
 * about one revision, a walk over commits each blob until its last use. Both views of history are built
 * on it: the whole ledger at a commit (LedgerRevisions) and the versions of each measure (AreaMeasures).
 */
export class HistoryReader {
  private readonly reader: BlobReader;
  private readonly bodies = new Map<string, Uint8Array | undefined>();

  constructor(readonly root: string) {
    this.reader = openBlobReader(root);
  }

  /** A blob's bytes; undefined when the repository does not have it (a shallow or partial clone). */
  async blob(id: string): Promise<Uint8Array | undefined> {
    if (this.bodies.has(id)) return this.bodies.get(id);
    const body = await this.reader.read(id);
    this.bodies.set(id, body);
    return body;
  }

  /** Asks git for all of `ids` at once (one request each, answered in order) and keeps them. */
  async readAll(ids: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(ids)].map((id) => this.blob(id)));
  }

  /** Forgets the bytes of one blob (read again if asked for). */
  release(id: string): void {
    this.bodies.delete(id);
  }

  /** Forgets every blob not in `kept`. */
  keepOnly(kept: ReadonlySet<string>): void {
    for (const id of this.bodies.keys()) if (!kept.has(id)) this.bodies.delete(id);
  }

  close(): void {
    this.reader.close();
  }
}
