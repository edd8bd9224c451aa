import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document, parse } from 'yaml';
import { styleMultiline } from '../../src/core/yaml-style.js';
import { PRINT_OPTIONS } from '../../src/io/measure-splice.js';
import { printPair } from '../../src/io/yaml-print.js';
import type { FieldChange } from '../../src/core/merge-plan.js';
import { editDocument, editYamlText, spliceChanges } from '../../src/io/apply-merge.js';
import { generateLedger } from '../../scripts/generate-ledger.mjs';
import { REPO_ROOT, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

type Measure = { id: string; units: string[]; unit_reports?: Record<string, unknown> };
type Area = { tasks: { measures: Measure[] }[] };

/** Merge-like changes for every `every`-th measure of an area file, each naming its measure. */
function changesFor(text: string, every: number, round = 1): FieldChange[] {
  const area = parse(text) as Area;
  const changes: FieldChange[] = [];
  let k = 0;
  area.tasks.forEach((task, t) =>
    task.measures.forEach((measure, m) => {
      if (k++ % every !== 0) return;
      const at = (inner: (string | number)[], after: unknown) =>
        changes.push({
          path: ['tasks', t, 'measures', m, ...inner],
          before: undefined,
          after,
          inMeasure: { id: measure.id, path: inner },
        });
      const [first, second] = [measure.units[0]!, measure.units[1] ?? Object.keys(measure.unit_reports ?? {})[0]];
      // Later rounds: some measures hear from a unit not reported before, alone or beside known ones.
      const fresh = round > 1 && k % 2 === 0 ? `新单位${k}` : undefined;
      if (fresh) at(['unit_reports', fresh], { month: '2020-08', status: '未启动', progress: '刚接手' });
      if (!fresh || k % 4 === 0)
        at(['unit_reports', first], { month: '2020-07', status: '推进中', progress: `第 ${round} 次：已对接` });
      if (second)
        at(['unit_reports', second], {
          month: '2020-07',
          status: '已完成',
          progress: `多行进展\n\n  缩进的一行\n结尾: 1 号厂房`,
          completed_on: '2020-07-15',
          evidence: ['reports/2020-07/x/a.pdf'],
        });
      at(['status'], k % 3 === 0 ? '已完成' : '推进中');
      at(
        ['progress'],
        k % 2 === 0 ? `${first}：已对接\n${second ?? first}：已上线\n  下一步：推广` : `${first}: 已对接`,
      );
      if (k % 4 === 0) at(['milestones_met'], 1);
      if (k % 5 === 0)
        at(
          ['extensions'],
          [{ requested_by: first, requested_in: '2020-07', until: '2020-12-31', reason: '系统改造', state: '待审批' }],
        );
    }),
  );
  return changes;
}

/** The in-place edit, which must not have fallen back to the whole document. */
function spliced(text: string, changes: FieldChange[]): string | undefined {
  return spliceChanges(text, changes);
}

describe('editing only the changed measures’ fields', () => {
  const bundled = readdirSync(path.join(REPO_ROOT, 'ledger'))
    .filter((name) => /^\d+-/.test(name))
    .map((name) => [name, readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8')] as const);
  const generated = Object.entries(generateLedger({ measures: 400, seed: 3, month: '2020-07' }))
    .filter(([name]) => /^ledger\/\d+-/.test(name))
    .slice(0, 6);

  it.each([...bundled, ...generated])('gives %s byte for byte what editing the whole document gives', (_name, text) => {
    for (const every of [1, 3]) {
      const changes = changesFor(text, every);
      const whole = editDocument(text, 'f.yaml', changes);
      expect(whole).not.toBe(text);
      expect(spliced(text, changes)).toBe(whole);
      // A second merge over the first: existing unit reports, block texts and extensions are replaced.
      const again = changesFor(whole, every, 2);
      expect(spliced(whole, again)).toBe(editDocument(whole, 'f.yaml', again));
    }
  });
});

const ONE = (after: unknown, inner: (string | number)[] = ['progress'], id = '1.1.1'): FieldChange => ({
  path: ['tasks', 0, 'measures', id === '1.1.1' ? 0 : 1, ...inner],
  before: undefined,
  after,
  inMeasure: { id, path: inner },
});

describe('a last line of ideographic spaces', () => {
  it('stays inside the field it belongs to', () => {
    const text = replaceOrThrow(
      SMALL_AREA,
      '        progress: ""\n',
      '        progress: |-\n          第一段\n          \u3000\n',
    );
    const changes = [ONE('市公安局：已对接')];
    expect(spliceChanges(text, changes)).toBe(editDocument(text, 'f.yaml', changes));
  });
});

describe('falling back to the whole document', () => {
  it.each([
    [
      'a comment in a changed field',
      replaceOrThrow(SMALL_AREA, '        progress: ""\n', '        progress: "" # 待填\n'),
    ],
    ['CRLF line ends', SMALL_AREA.replace(/\n/g, '\r\n')],
    [
      'a comment left of the fields inside the item',
      replaceOrThrow(SMALL_AREA, '        status: 未启动\n', '# 注\n        status: 未启动\n'),
    ],
    [
      'a measure listed twice',
      SMALL_AREA +
        SMALL_AREA.slice(SMALL_AREA.indexOf('      - id: "1.1.1"'), SMALL_AREA.indexOf('      - id: "1.1.2"')),
    ],
    [
      'items indented unusually',
      SMALL_AREA.replace(/ {6}- id: "1\.1\.1"\n(?: {8}.*\n)+/, (item) =>
        item.replace('- id', '-   id').replace(/\n {8}/g, '\n          '),
      ),
    ],
  ])('on %s', (_what, text) => {
    const changes = [ONE('市公安局：已对接')];
    expect(spliceChanges(text, changes)).toBeUndefined();
    expect(editYamlText(text, 'f.yaml', changes)).toBe(editDocument(text, 'f.yaml', changes));
  });

  it('when a change does not name its measure', () => {
    const { inMeasure: _, ...unnamed } = ONE('x');
    expect(spliceChanges(SMALL_AREA, [unnamed])).toBeUndefined();
    expect(editYamlText(SMALL_AREA, 'f.yaml', [unnamed])).toBe(editDocument(SMALL_AREA, 'f.yaml', [unnamed]));
  });
});

describe('a hand-formatted file', () => {
  const HAND = replaceOrThrow(
    replaceOrThrow(
      SMALL_AREA,
      '        units: [市审批局, 市公安局]\n',
      '        units: [ 市审批局 , 市公安局 ]   # 两个单位\n',
    ),
    '        remark: ""\n      - id: "1.1.2"',
    '        remark: ""   # 备注\n\n\n      # 线下服务\n      - id: "1.1.2"',
  );

  it('keeps every byte outside the changed fields', () => {
    const after = editYamlText(HAND, 'f.yaml', [
      ONE('推进中', ['status']),
      ONE('市公安局：已对接', ['progress']),
      ONE({ month: '2020-07', status: '推进中', progress: '已对接' }, ['unit_reports', '市公安局']),
    ]);
    expect(after).toBe(
      replaceOrThrow(
        HAND,
        '        status: 未启动\n        progress: ""\n        remark: ""   # 备注\n',
        '        status: 推进中\n        progress: 市公安局：已对接\n        remark: ""   # 备注\n        unit_reports:\n          市公安局:\n            month: 2020-07\n            status: 推进中\n            progress: 已对接\n',
      ),
    );
    // Printing the whole document again would have rewritten the other measure's hand-made layout.
    expect(editDocument(HAND, 'f.yaml', [ONE('推进中', ['status'])])).not.toContain('[ 市审批局 , 市公安局 ]');
  });
});

describe('old values that keep something of their node', () => {
  it.each(['12', 'null', '~', 'true', '!!str 已有', '&p 已有', "'单引号'", '|-\n          两行\n          文字'])(
    'progress: %s is changed as the whole document would change it',
    (old) => {
      const text = replaceOrThrow(SMALL_AREA, '        progress: ""\n', `        progress: ${old}\n`);
      const changes = [ONE('市公安局：已对接'), ONE('推进中', ['status']), ONE(3, ['milestones_met'])];
      expect(spliceChanges(text, changes)).toBe(editDocument(text, 'f.yaml', changes));
    },
  );
});

describe('printing values without the yaml package', () => {
  const TEXTS = [
    '已对接',
    '',
    '123',
    '1.5',
    '2020-07',
    '2020年底前',
    'true',
    'null',
    '~',
    '-开头',
    '- 列表',
    'a: b',
    'a:b',
    '结尾:',
    'a #b',
    'a#b',
    '#开头',
    ' 前空格',
    '后空格 ',
    '制表\t符',
    '---',
    '...',
    "it's",
    'say "hi"',
    '[方括号]',
    '{花括号}',
    '@at',
    '%百分',
    '\u2028',
    'e\u0301',
    '两行\n文字',
    '两行\n\n空行',
    '  缩进开头\n第二行',
    '末尾换行\n',
    '中间\n  缩进\n行',
    '行尾空格 \n下一行',
    '含 # 号\n: 冒号开头',
    '---\n文档标记',
    'a\n...',
    '0x1F',
    '0o17',
    '.inf',
    '+12',
    '1e3',
  ];

  it.each(TEXTS.map((text) => [JSON.stringify(text), text]))(
    '%s is printed as the yaml package prints it',
    (_s, text) => {
      const document = new Document({ progress: text, unit: { progress: text, evidence: [text] } });
      styleMultiline(document.contents as never);
      const expected = document.toString(PRINT_OPTIONS).replace(/\n$/, '').split('\n');
      const mine = [printPair('progress', text), printPair('unit', { progress: text, evidence: [text] })];
      if (mine.every((lines) => lines !== undefined)) expect(mine.flat()).toEqual(expected);
      const changes = [
        ONE(text),
        ONE({ month: '2020-07', status: '推进中', progress: text }, ['unit_reports', '市公安局']),
      ];
      expect(spliceChanges(SMALL_AREA, changes)).toBe(editDocument(SMALL_AREA, 'f.yaml', changes));
    },
  );

  it('prints the usual merge values itself', () => {
    expect(printPair('progress', '市公安局：已对接\n市审批局：已上线')).toEqual([
      'progress: |-',
      '  市公安局：已对接',
      '  市审批局：已上线',
    ]);
    expect(
      printPair('extensions', [
        { requested_by: '市公安局', requested_in: '2020-07', until: '2020-12-31', state: '待审批' },
      ]),
    ).toEqual([
      'extensions:',
      '  - requested_by: 市公安局',
      '    requested_in: 2020-07',
      '    until: 2020-12-31',
      '    state: 待审批',
    ]);
  });
});
