import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../src/io/plain-yaml.js';
import { generateLedger } from '../../scripts/generate-ledger.mjs';
import { REPO_ROOT, SMALL_AREA } from '../helpers/ledger-fixture.js';

function yamlValue(text: string): { value?: unknown; errors: number } {
  const document = parseDocument(text, { uniqueKeys: true });
  return document.errors.length > 0 ? { errors: document.errors.length } : { value: document.toJS(), errors: 0 };
}

/** The plain reader either declines or gives exactly what the yaml package gives. */
function agrees(text: string): boolean {
  const mine = readPlainYaml(text);
  if (mine === undefined) return false;
  const theirs = yamlValue(text);
  expect(theirs.errors).toBe(0);
  expect(mine).toStrictEqual(theirs.value);
  return true;
}

describe('readPlainYaml', () => {
  const bundled = readdirSync(path.join(REPO_ROOT, 'ledger')).map(
    (name) => [name, readFileSync(path.join(REPO_ROOT, 'ledger', name), 'utf8')] as const,
  );
  const generated = Object.entries(generateLedger({ measures: 600, seed: 9, month: '2020-07', reports: true }));

  it.each([...bundled, ...generated, ['SMALL_AREA', SMALL_AREA] as const])(
    'reads %s as the yaml package does (area files and reports always; others when plain)',
    (name, text) => {
      const read = agrees(text);
      if (/(?:^|\/)\d+-|reports\/|SMALL/.test(name)) expect(read).toBe(true);
    },
  );

  it('reads literal blocks, quotes, lists at the key’s indent, nulls and numbers', () => {
    const text = [
      '# 注释',
      '',
      'a: |-',
      '  两行',
      '',
      '    缩进的行',
      '  末行',
      'b: |',
      '  保留结尾换行',
      '',
      'c: "双引号 # 不是注释"',
      "d: '单引号里的 ''引号'''",
      'e:',
      '- 一',
      '- 二',
      'f:',
      '  - id: "1.1"',
      '    n: 12',
      '    empty:',
      '    flag: true',
      '    list: [甲, "乙"]',
      '    map: {}',
      '    none: ~',
      '  - 纯文字',
      'g: 2020年底前',
      'h: 2020-07',
      'i: 1.1.1',
      '',
    ].join('\n');
    expect(agrees(text)).toBe(true);
  });

  it('takes the ideographic space as text, not as a blank', () => {
    for (const text of [
      'a: |-\n  第一段\n  \u3000\nb: 1\n',
      'a: |-\n  \u3000\u3000缩进的段落\n  第二段\n',
      'a: \u3000文字\n',
    ]) {
      const mine = readPlainYaml(text);
      if (mine !== undefined) expect(mine).toStrictEqual(yamlValue(text).value);
    }
    expect(readPlainYaml('a: |-\n  第一段\n  \u3000\nb: 1\n')).toStrictEqual({ a: '第一段\n\u3000', b: 1 });
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 12\n'],
    ['a folded block', 'a: >\n  x\n  y\n'],
    ['a kept block', 'a: |+\n  x\n\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['multi-line plain text', 'a: 一\n  二\n'],
    ['a comment after text', 'a: 已办结 #12 号文件\n'],
    ['a comment further down', 'a: 1\n# 注释\nb: 2\n'],
    ['an escape', 'a: "x\\ny"\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\nb: 2\r\n'],
    ['a float', 'a: 1.5\n'],
    ['a numeric key', '1.0: x\n'],
    ['a flow map', 'a: {b: 1}\n'],
    ['nested flow', 'a: [[1]]\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a document marker', '---\na: 1\n'],
    ['a list on top', '- a\n- b\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['text after a list', 'a:\n  - x\n    y\n'],
    ['a mapping in a value', 'a: b: c\n'],
  ])('declines %s (the yaml package reads or rejects it)', (_what, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});
