import { parse } from 'yaml';
import { dedentItem, measureRanges } from '../core/measure-segments.js';
import { measureSummary, segmentSummary } from '../core/measure-summary.js';
import {
  areaNumberOf,
  isEmptyFrame,
  mayContainMeasure,
  measuresOfArea,
  segmentMeasure,
  type MeasureVersion,
} from '../core/measure-snapshot.js';
import type { BlobReader, CommitChanges } from './git.js';
import { isAreaFileName, LEDGER_DIR } from './ledger-root.js';

export type Measures = Map<string, MeasureVersion>;

const FAILED = Symbol('failed');

/**
 * Parsed measures per blob, read ahead in windows and dropped after their
 * last use. Each blob is cut into measure items (measureRanges); an item
 * whose bytes are those it had in the version of the file cut before is not
 * read again, so a commit that changes one measure costs one small read, not
 * a whole file.
 */
export class BlobMeasures {
  /** Read ahead, as bytes: the text is made when the blob is parsed, so it dies young. */
  private readonly blobs = new Map<string, Uint8Array | undefined>();
  private readonly parsed = new Map<string, Measures | undefined>();
  /** Uses left, per blob at a path (its parse) and per blob (its bytes: a blob may stand at two paths). */
  private readonly uses = new Map<string, number>();
  private readonly blobUses = new Map<string, number>();
  private readonly frames = new BoundedCache<string, unknown>(256);
  /** Per path, the items of the version last cut there. */
  private readonly lastCut = new Map<string, Cut>();
  private readonly values = new BoundedCache<string, string>(20_000);
  private readonly serialisations = new WeakMap<object, string>();

  /**
   * `summary`: each measure holds only title, units and status (measureSummary), read off the
   * segment's lines where the layout allows (segmentSummary) — what `ledger log` needs.
   */
  constructor(
    private readonly reader: BlobReader,
    private readonly only: string | undefined,
    commits: readonly CommitChanges[],
    private readonly summary = false,
  ) {
    for (const commit of commits)
      for (const key of blobKeys(commit)) {
        this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
        const sha = key.slice(0, key.indexOf('\0'));
        this.blobUses.set(sha, (this.blobUses.get(sha) ?? 0) + 1);
      }
  }

  async prefetch(commits: readonly CommitChanges[]): Promise<void> {
    const shas = [...new Set(commits.flatMap((c) => blobKeys(c).map((key) => key.split('\0')[0]!)))].filter(
      (sha) => !this.blobs.has(sha),
    );
    const bodies = await Promise.all(shas.map((sha) => this.reader.read(sha)));
    shas.forEach((sha, i) => this.blobs.set(sha, bodies[i]));
  }

  /** The measures in a blob at a path; undefined when the blob is not valid YAML. */
  async measures(sha: string, file: string): Promise<Measures | undefined> {
    const key = `${sha}\0${file}`;
    if (!this.parsed.has(key)) {
      const body = this.blobs.has(sha) ? this.blobs.get(sha) : await this.reader.read(sha);
      this.parsed.set(key, this.parse(blobText(body), file));
      // A turn of the event loop: git's output that came in meanwhile is read, so git does not wait on a full pipe.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = this.parsed.get(key);
    if (countDown(this.uses, key)) this.parsed.delete(key);
    if (countDown(this.blobUses, sha)) this.blobs.delete(sha);
    return result;
  }

  private parse(blob: BlobText, file: string): Measures | undefined {
    if (this.only !== undefined && !mayContainMeasure(blob.text, this.only)) return new Map();
    const fast = this.parseBySegments(blob, file);
    if (fast) return fast;
    const value = tryParse(utf8(blob.text));
    if (value === FAILED) return undefined;
    const measures = measuresOfArea(value, file);
    if (this.summary) for (const version of measures.values()) version.measure = measureSummary(version.measure);
    return measures;
  }

  /** undefined when the file is not laid out so that the items can be cut out safely. */
  private parseBySegments({ text, bytes, base }: BlobText, file: string): Measures | undefined {
    const { frame, items } = measureRanges(text);
    if (items.length === 0 || new Set(items.map((item) => item.id)).size !== items.length) return undefined;
    const frameValue = this.frames.get(frame, () => tryParse(utf8(frame)));
    if (frameValue === FAILED || !isEmptyFrame(frameValue)) return undefined;
    const area = areaNumberOf(frameValue);
    const out: Measures = new Map();
    const before = this.lastCut.get(file);
    const cut: Cut = { bytes, base, items: new Map() };
    for (const { id, start, end, indent } of items) {
      if (this.only !== undefined && id !== this.only) continue;
      const known = before?.items.get(id);
      const measure =
        known && sameBytes(before!, known, cut, start, end)
          ? known.measure
          : this.readItem(text.slice(start, end), id, indent);
      if (!measure) return undefined;
      cut.items.set(id, { start, end, measure });
      out.set(id, { id, file, ...(area !== undefined ? { area } : {}), measure });
    }
    this.lastCut.set(file, cut);
    return out;
  }

  /** Whether two measures are equal: each is serialised once, however often it is compared. */
  sameMeasure(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    return a === b || this.serialised(a) === this.serialised(b);
  }

  private serialised(measure: Record<string, unknown>): string {
    let text = this.serialisations.get(measure);
    if (text === undefined) this.serialisations.set(measure, (text = JSON.stringify(measure)));
    return text;
  }

  /** One measure item (its bytes as Latin-1): its summary off the lines, else its parse. */
  private readItem(raw: string, id: string, indent: number): Record<string, unknown> | undefined {
    if (this.summary) {
      const quick = segmentSummary(raw, id, (value) => this.values.get(value, () => utf8(value)), indent);
      if (quick) return quick;
    }
    const value = tryParse(dedentItem(utf8(raw), indent));
    const parsed = value === FAILED ? undefined : segmentMeasure(value, id);
    return parsed && this.summary ? measureSummary(parsed) : parsed;
  }
}

/** Takes one use off `key`; true when none is left. */
function countDown(uses: Map<string, number>, key: string): boolean {
  const left = (uses.get(key) ?? 1) - 1;
  uses.set(key, left);
  return left <= 0;
}

function tryParse(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
  } catch {
    return FAILED;
  }
}

/** The items of a version of a file, where they stand in its bytes and what was read of them. */
interface Cut {
  bytes: Buffer;
  base: number;
  items: Map<string, { start: number; end: number; measure: Record<string, unknown> }>;
}

/** Whether an item of `before` has the same bytes as [start, end) of `now`. */
function sameBytes(before: Cut, item: { start: number; end: number }, now: Cut, start: number, end: number): boolean {
  if (item.end - item.start !== end - start) return false;
  const from = before.base + item.start;
  return now.bytes.compare(before.bytes, from, from + (end - start), now.base + start, now.base + end) === 0;
}

/**
 * A blob read as Latin-1 (one character per byte, without its UTF-8 byte order mark): cutting it
 * into items looks at ASCII only (see measureRanges), and only what is parsed or kept is decoded.
 * Reading as Latin-1 costs a copy; decoding all of a long history as UTF-8 cost about a tenth of `ledger log`.
 */
interface BlobText {
  text: string;
  bytes: Buffer;
  /** Where `text` starts in `bytes`. */
  base: number;
}

function blobText(body: Uint8Array | undefined): BlobText {
  const bytes = body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : Buffer.alloc(0);
  const base = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: bytes.toString('latin1', base), bytes, base };
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/**
 * A map that keeps what was used in the last `limit` to 2 × `limit` insertions: two generations, the
 * older dropped whole when the newer is full. (Dropping the oldest entry of one Map one at a time
 * makes each drop walk past the holes left by the ones before.)
 */
class BoundedCache<K, V> {
  private recent = new Map<K, V>();
  private older = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K, compute: () => V): V {
    const recent = this.recent.get(key);
    if (recent !== undefined || this.recent.has(key)) return recent as V;
    const older = this.older.get(key);
    const value = older !== undefined || this.older.has(key) ? (older as V) : compute();
    if (this.recent.size >= this.limit) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
    return value;
  }
}

export function isAreaPath(file: string): boolean {
  const parts = file.split('/');
  return parts.length === 2 && parts[0] === LEDGER_DIR && isAreaFileName(parts[1]!);
}

export function blobKeys(commit: CommitChanges): string[] {
  const keys: string[] = [];
  for (const change of commit.files) {
    const oldPath = change.oldPath ?? change.path;
    if (change.oldBlob && isAreaPath(oldPath)) keys.push(`${change.oldBlob}\0${oldPath}`);
    if (change.newBlob && isAreaPath(change.path)) keys.push(`${change.newBlob}\0${change.path}`);
  }
  return keys;
}
