import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { dedentItem, measureRanges, segmentMeasures } from '../../src/core/measure-segments.js';
import { segmentMeasure } from '../../src/core/measure-snapshot.js';
import { measureSummary, segmentSummary } from '../../src/core/measure-summary.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

/** The bytes of the text read as Latin-1 (one character per byte), as the history walk reads blobs. */
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const utf8 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

/** The parser's summary of an item, or undefined when it does not parse to exactly that measure. */
function oracle(text: string, id: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
  } catch {
    return undefined;
  }
  const measure = segmentMeasure(value, id);
  return measure && measureSummary(measure);
}

/** The id of the one item the parser reads in the text, if it reads exactly one. */
function parsedId(text: string): string | undefined {
  try {
    const value: unknown = parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
    const item = Array.isArray(value) && value.length === 1 ? (value[0] as { id?: unknown }) : undefined;
    return item && typeof item === 'object' && item.id !== undefined ? String(item.id) : undefined;
  } catch {
    return undefined;
  }
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** What an edit may put in: YAML's own signs, whitespace of every kind, text, controls. */
const PIECES = [
  ' ',
  '  ',
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\n  ',
  '\n    ',
  '\n      ',
  '\n        ',
  ':',
  ': ',
  ' #',
  '#',
  '"',
  "'",
  '\\',
  '[',
  ']',
  ',',
  '{}',
  '-',
  '- ',
  '|',
  '>',
  '&a ',
  '*a',
  '!',
  '%',
  '@',
  '1',
  '2020-07',
  'null',
  'true',
  '\u3000',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u0007',
  '\u00e9',
  '推进中',
  '已完成',
  '市审批局',
  '（一）',
  'status: ',
  'month: ',
  'title: ',
  'units: ',
  'unit_reports:',
];

function mutate(text: string, next: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * out.length);
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    out = next() < 0.8 ? out.slice(0, at) + piece + out.slice(at) : out.slice(0, at) + out.slice(at + piece.length);
  }
  return out;
}

const bundledItems = readdirSync(path.join(REPO_ROOT, 'ledger'))
  .filter((name) => /^\d+-.*\.yaml$/.test(name))
  .flatMap((name) => segmentMeasures(readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8')).segments);

const WITH_REPORTS = `- id: 3.1.1
  title: 压减接电时间
  deadline: 2020年底前
  units: [石嘴山供电公司, 市住建局]
  status: 推进中
  progress: |-
    石嘴山供电公司：按计划推进。
  remark: ""
  unit_reports:
    石嘴山供电公司:
      month: 2062-02
      status: 推进中
      progress: 石嘴山供电公司：2062-02 第 499 次报送，按计划推进。
    市住建局:
      month: 2062-01
      status: 已完成
      progress: 完成。`;

describe('segmentSummary against the parser, on texts and on their bytes (2,000 random edits)', () => {
  // Where the parser reads the item, the lines read agree with it. Damage only in fields log does not
  // read (an unclosed quote in remark) is not looked for: the parser rejects such an item, the lines are still read.
  it('never disagrees with the parser, and reads the bytes exactly as the text', () => {
    const next = random(11);
    const items = [...bundledItems, { id: '3.1.1', text: WITH_REPORTS }];
    let read = 0;
    for (let n = 0; n < 2000; n++) {
      const { id, text: original } = items[Math.floor(next() * items.length)]!;
      const text = n < items.length ? items[n]!.text : mutate(original, next);
      const itemId = n < items.length ? items[n]!.id : id;
      const quick = segmentSummary(text, itemId);
      const parsed = oracle(text, itemId);
      if (quick && parsed) {
        read++;
        expect(quick, text).toEqual(parsed);
      }
      // Read off the lines, the item is the measure the parser sees whenever the parser reads one item.
      if (quick) expect(parsedId(text) ?? itemId, text).toBe(itemId);
      expect(segmentSummary(latin1(text), itemId, utf8), text).toEqual(quick);
    }
    expect(read).toBeGreaterThan(400);
  });
});

describe('measureRanges on a text and on its bytes', () => {
  it('cuts the same items in the same places (600 random edits of bundled files)', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'ledger'))
      .filter((name) => /^\d+-.*\.yaml$/.test(name))
      .map((name) => readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8'));
    const next = random(5);
    for (let n = 0; n < 600; n++) {
      const file = files[n % files.length]!;
      const text = n < files.length ? file : mutate(file, next);
      const asText = segmentMeasures(text);
      const bytes = latin1(text);
      const asBytes = measureRanges(bytes);
      expect(utf8(asBytes.frame)).toBe(asText.frame);
      expect(
        asBytes.items.map(({ id, start, end, indent }) => ({
          id,
          text: dedentItem(utf8(bytes.slice(start, end)), indent),
        })),
      ).toEqual(asText.segments);
      // The summary off the bytes as they stand in the file (not dedented) is the summary of the text.
      asBytes.items.forEach(({ id, start, end, indent }, k) =>
        expect(segmentSummary(bytes.slice(start, end), id, utf8, indent)).toEqual(
          segmentSummary(asText.segments[k]!.text, id),
        ),
      );
    }
  });
});
