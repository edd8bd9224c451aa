import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AreaPieces } from '../../src/io/area-pieces.js';
import { parseYamlSource } from '../../src/io/yaml-source.js';
import { generateLedger } from '../../scripts/generate-ledger.mjs';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';

const bundled = readdirSync(path.join(REPO_ROOT, 'ledger'))
  .filter((name) => /^\d+-.*\.yaml$/.test(name))
  .map((name) => ({ name, text: readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8') }));

/** The whole file's parse, as every load does it: its value when it has neither errors nor warnings. */
function whole(text: string): { value: unknown; clean: boolean } {
  const parsed = parseYamlSource(Buffer.from(text), 'ledger/01-x.yaml', { strictComments: true });
  return { value: parsed.source.value, clean: parsed.diagnostics.length === 0 && parsed.warnings.length === 0 };
}

/** Pieces agree with the whole file, or step aside: never a different value. */
function expectAgreement(text: string, pieces = new AreaPieces()): unknown {
  const value = pieces.parse(text, 'ledger/01-x.yaml');
  if (value !== undefined) {
    const reference = whole(text);
    expect(reference.clean, text).toBe(true);
    expect(value).toEqual(reference.value);
  }
  return value;
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const MUTATIONS: ((lines: string[], at: number, next: () => number) => void)[] = [
  (lines, at) => lines.splice(at, 1),
  (lines, at) => lines.splice(at, 0, lines[at]!),
  (lines, at) => (lines[at] = lines[at]!.replace(/^ {2}/, '')),
  (lines, at) => (lines[at] = `  ${lines[at]}`),
  (lines, at) => (lines[at] = `${lines[at]} # 备注`),
  (lines, at) => lines.splice(at, 0, '# 注释'),
  (lines, at) => (lines[at] = lines[at]!.replace(/: /, ': &a ')),
  (lines, at) => (lines[at] = lines[at]!.replace(/: .*/, ': *a')),
  (lines, at) => (lines[at] = lines[at]!.replace(/"/, '')),
  (lines, at) => lines.splice(at, 0, '---'),
  (lines, at, next) => (lines[at] = lines[at]!.replace(/id: "?([\d.]+)"?/, `id: "${Math.floor(next() * 9) + 1}.1.1"`)),
  (lines, at) => (lines[at] = lines[at]!.replace(/status: .*/, 'status: |\n  已完成')),
  // Block scalars indented as they should be, with each chomping, and a blank line after.
  ...['|', '|+', '|-', '>', '>+'].map(
    (style) => (lines: string[], at: number) =>
      (lines[at] = lines[at]!.replace(/^( *)([a-z_]+): .*/, `$1$2: ${style}\n$1  第一行\n$1    第二行\n`)),
  ),
  (lines, at) => (lines[at] = lines[at]!.replace(/^( *)units: \[(.*)\]/, '$1units:\n$1- $2')),
  (lines, at) => (lines[at] = lines[at]!.replace(/^( *)([a-z_]+): (.+)/, '$1$2:\n$1  $3')),
  (lines, at) => (lines[at] = lines[at]!.replace(/, /, ',\n')),
];

describe('AreaPieces: an area file parsed measure by measure', () => {
  it('gives every bundled area file and a generated ledger the value of the whole-file parse', () => {
    const generated = Object.entries(generateLedger({ measures: 400, seed: 3 }))
      .filter(([file]) => /^ledger\/\d+-/.test(file))
      .map(([, text]) => text);
    for (const text of [...bundled.map((b) => b.text), ...generated]) {
      expect(expectAgreement(text), text.slice(0, 80)).toBeDefined();
    }
  });

  it('steps aside rather than disagree on damaged or unusual texts (600 random edits)', () => {
    const next = random(7);
    let pieced = 0;
    for (let round = 0; round < 600; round++) {
      const source = bundled[round % bundled.length]!.text;
      const lines = source.split('\n');
      for (let k = 0; k < 1 + Math.floor(next() * 3); k++) {
        const at = Math.floor(next() * lines.length);
        MUTATIONS[Math.floor(next() * MUTATIONS.length)]!(lines, at, next);
      }
      if (expectAgreement(lines.join('\n')) !== undefined) pieced += 1;
    }
    // Both outcomes occur: many edits keep a clean file that pieces read, many do not.
    expect(pieced).toBeGreaterThan(60);
    expect(pieced).toBeLessThan(540);
  });

  it('steps aside on comments inside measures, anchors, aliases and document markers', () => {
    const text = bundled[0]!.text;
    const item = /\n {8}status: 未启动/;
    for (const changed of [
      text.replace(item, '\n        status: 未启动 # 已核实'),
      text.replace(item, '\n# 说明\n        status: 未启动'),
      text.replace(item, '\n        status: &s 未启动').replace(/\n {8}progress: ""/, '\n        progress: *s'),
      `${text}\n---\narea: 2\n`,
      `%YAML 1.2\n---\n${text}`,
    ]) {
      expect(new AreaPieces().parse(changed, 'ledger/01-x.yaml'), changed.slice(0, 60)).toBeUndefined();
    }
  });

  it('re-parses only the fields that changed between two versions of a file', () => {
    const pieces = new AreaPieces();
    const text = bundled[0]!.text;
    type Measure = { id: string; status: string; units: string[] };
    const before = pieces.parse(text, 'ledger/01-x.yaml') as { tasks: { measures: Measure[] }[] };
    const edited = text.replace(/(\n {6}- id: 1\.1\.2\n(?: {8}.*\n)*? {8}status: )\S+/, '$1推进中');
    expect(edited).not.toBe(text);
    const after = expectAgreement(edited, pieces) as typeof before;
    const measures = (area: typeof before) => area.tasks.flatMap((task) => task.measures);
    const [old, now] = [measures(before), measures(after)];
    expect(now.map((m) => m.id)).toEqual(old.map((m) => m.id));
    expect(now.filter((m, i) => m.status !== old[i]!.status).map((m) => m.id)).toEqual(['1.1.2']);
    // Every unchanged field is the very value of the first parse, 1.1.2's units list included.
    for (const [i, measure] of now.entries()) expect(measure.units).toBe(old[i]!.units);
  });
});
