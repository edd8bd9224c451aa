import { parse } from 'yaml';
import { segmentMeasures } from '../core/measure-segments.js';
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
 * last use. Each blob is cut into measure items (segmentMeasures); an item
 * whose text was seen before is not parsed again, so a commit that changes
 * one measure costs one small parse, not a whole file.
 */
export class BlobMeasures {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, Measures | undefined>();
  private readonly uses = new Map<string, number>();
  private readonly frames = new BoundedCache<string, unknown>(256);
  private readonly items = new BoundedCache<string, Record<string, unknown> | undefined>(20_000);

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
    for (const commit of commits) for (const key of blobKeys(commit)) this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
  }

  async prefetch(commits: readonly CommitChanges[]): Promise<void> {
    const shas = [...new Set(commits.flatMap((c) => blobKeys(c).map((key) => key.split('\0')[0]!)))].filter(
      (sha) => !this.texts.has(sha),
    );
    const bodies = await Promise.all(shas.map((sha) => this.reader.read(sha)));
    shas.forEach((sha, i) => this.texts.set(sha, decode(bodies[i])));
  }

  /** The measures in a blob at a path; undefined when the blob is not valid YAML. */
  async measures(sha: string, file: string): Promise<Measures | undefined> {
    const key = `${sha}\0${file}`;
    if (!this.parsed.has(key))
      this.parsed.set(key, this.parse(this.texts.get(sha) ?? decode(await this.reader.read(sha)), file));
    const result = this.parsed.get(key);
    const left = (this.uses.get(key) ?? 1) - 1;
    this.uses.set(key, left);
    if (left <= 0) {
      this.parsed.delete(key);
      this.texts.delete(sha);
    }
    return result;
  }

  private parse(text: string, file: string): Measures | undefined {
    if (this.only !== undefined && !mayContainMeasure(text, this.only)) return new Map();
    const fast = this.parseBySegments(text, file);
    if (fast) return fast;
    const value = tryParse(text);
    if (value === FAILED) return undefined;
    const measures = measuresOfArea(value, file);
    if (this.summary) for (const version of measures.values()) version.measure = measureSummary(version.measure);
    return measures;
  }

  /** undefined when the file is not laid out so that the items can be cut out safely. */
  private parseBySegments(text: string, file: string): Measures | undefined {
    const { frame, segments } = segmentMeasures(text);
    if (segments.length === 0 || new Set(segments.map((s) => s.id)).size !== segments.length) return undefined;
    const frameValue = this.frames.get(frame, () => tryParse(frame));
    if (frameValue === FAILED || !isEmptyFrame(frameValue)) return undefined;
    const area = areaNumberOf(frameValue);
    const out: Measures = new Map();
    for (const { id, text: item } of segments) {
      if (this.only !== undefined && id !== this.only) continue;
      const measure = this.items.get(item, () => {
        const quick = this.summary ? segmentSummary(item, id) : undefined;
        if (quick) return quick;
        const value = tryParse(item);
        const parsed = value === FAILED ? undefined : segmentMeasure(value, id);
        return parsed && this.summary ? measureSummary(parsed) : parsed;
      });
      if (!measure) return undefined;
      out.set(id, { id, file, ...(area !== undefined ? { area } : {}), measure });
    }
    return out;
  }
}

function tryParse(text: string): unknown {
  try {
    return parse(text, { maxAliasCount: 100, uniqueKeys: false });
  } catch {
    return FAILED;
  }
}

/** UTF-8 text of a blob; Buffer's decoder is about a third faster than TextDecoder on Chinese text. */
function decode(bytes: Uint8Array | undefined): string {
  if (!bytes) return '';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A map that forgets its oldest entries beyond `limit`. */
class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K, compute: () => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = compute();
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
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
