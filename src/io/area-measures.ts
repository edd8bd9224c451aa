import { parse } from 'yaml';
import { measureSummary } from '../core/review/measure-summary.js';
import { mayContainMeasure, measuresOfArea, type MeasureVersion } from '../core/review/measure-snapshot.js';
import type { CommitChanges } from './git.js';
import type { HistoryReader } from './history-reader.js';
import type { ItemMemo } from './item-memo.js';
import { openItemStore, type ItemStore } from './item-store.js';
import { isAreaFileName, LEDGER_DIR } from './ledger-root.js';
import { areaItemMemo } from './yaml-source.js';

export type Measures = Map<string, MeasureVersion>;

export interface AreaMeasuresOptions {
  /** Only this measure: a file whose text cannot hold it is not parsed. */
  only?: string;
  /** Each measure holds only what `ledger log` shows (measureSummary). */
  summary?: boolean;
}

/**
 * The measures of the area files the walk over commits meets, read through the history reader:
 * each blob at a path is parsed once, by the yaml package, and both its bytes and its measures are
 * dropped after their last use (the uses are counted from the commits up front).
 */
export class AreaMeasures {
  private readonly parsed = new Map<string, Measures | undefined>();
  /** Uses left, per blob at a path (its measures) and per blob (its bytes: a blob may stand at two paths). */
  private readonly uses = new Map<string, number>();
  private readonly blobUses = new Map<string, number>();
  private readonly serialisations = new WeakMap<object, string>();
  /** Versions of a file differ in a few measures: each measure item is parsed once per text (and kept between runs). */
  private readonly store: ItemStore;
  private readonly items: ItemMemo;

  constructor(
    private readonly history: HistoryReader,
    commits: readonly CommitChanges[],
    private readonly options: AreaMeasuresOptions = {},
  ) {
    this.store = openItemStore(history.root);
    this.items = areaItemMemo(this.store);
    for (const commit of commits)
      for (const { blob, file } of areaBlobs(commit)) {
        countUp(this.uses, `${blob}\0${file}`);
        countUp(this.blobUses, blob);
      }
  }

  /** Reads the blobs of `commits` ahead of their use. */
  prefetch(commits: readonly CommitChanges[]): Promise<void> {
    return this.history.readAll(commits.flatMap((commit) => areaBlobs(commit).map(({ blob }) => blob)));
  }

  /** The measures in a blob at a path; undefined when the blob is not valid YAML. */
  async measures(blob: string, file: string): Promise<Measures | undefined> {
    const key = `${blob}\0${file}`;
    if (!this.parsed.has(key)) {
      this.parsed.set(key, this.parse(await this.history.blob(blob), file));
      // A turn of the event loop: git's output that came in meanwhile is read, so git does not wait on a full pipe.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = this.parsed.get(key);
    if (countDown(this.uses, key)) this.parsed.delete(key);
    if (countDown(this.blobUses, blob)) this.history.release(blob);
    return result;
  }

  /** Keeps this walk's parses for the next (history-cache.json). */
  save(): void {
    this.store.save();
  }

  /** Whether two measures are equal: each is serialised once, however often it is compared. */
  sameMeasure(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
    return a === b || this.serialised(a) === this.serialised(b);
  }

  private parse(body: Uint8Array | undefined, file: string): Measures | undefined {
    const text = versionText(body);
    if (this.options.only !== undefined && !mayContainMeasure(text, this.options.only)) return new Map();
    const value = this.items.parse(text) ?? parseVersion(text);
    if (value === INVALID) return undefined;
    const measures = measuresOfArea(value, file);
    if (this.options.summary)
      for (const version of measures.values()) version.measure = measureSummary(version.measure);
    return measures;
  }

  private serialised(measure: Record<string, unknown>): string {
    let text = this.serialisations.get(measure);
    if (text === undefined) this.serialisations.set(measure, (text = JSON.stringify(measure)));
    return text;
  }
}

const INVALID = Symbol('invalid YAML');

/** A version of a file as the yaml package reads it, tolerant of what history may hold (a key given twice). */
function parseVersion(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
  } catch {
    return INVALID;
  }
}

/** A blob's text without its UTF-8 byte order mark (a missing blob reads as empty). */
function versionText(body: Uint8Array | undefined): string {
  if (!body) return '';
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
}

export function isAreaPath(file: string): boolean {
  const parts = file.split('/');
  return parts.length === 2 && parts[0] === LEDGER_DIR && isAreaFileName(parts[1]!);
}

/** The area file blobs a commit's changes name, before and after. */
export function areaBlobs(commit: CommitChanges): { blob: string; file: string }[] {
  const out: { blob: string; file: string }[] = [];
  for (const change of commit.files) {
    const oldPath = change.oldPath ?? change.path;
    if (change.oldBlob && isAreaPath(oldPath)) out.push({ blob: change.oldBlob, file: oldPath });
    if (change.newBlob && isAreaPath(change.path)) out.push({ blob: change.newBlob, file: change.path });
  }
  return out;
}

function countUp(uses: Map<string, number>, key: string): void {
  uses.set(key, (uses.get(key) ?? 0) + 1);
}

/** Takes one use off `key`; true when none is left. */
function countDown(uses: Map<string, number>, key: string): boolean {
  const left = (uses.get(key) ?? 1) - 1;
  uses.set(key, left);
  return left <= 0;
}
