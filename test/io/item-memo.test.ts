import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { cutAreaItems } from '../../src/io/area-items.js';
import { detachStrings } from '../../src/io/detach-strings.js';
import { ItemMemo } from '../../src/io/item-memo.js';
import { areaItemMemo, parseYamlSource } from '../../src/io/yaml-source.js';
import { REPO_ROOT, replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';

const OPTIONS = { uniqueKeys: true, maxAliasCount: 100 };
const LEDGER = path.join(REPO_ROOT, 'ledger');
const BUNDLED = readdirSync(LEDGER)
  .filter((name) => /^\d+-.*\.yaml$/.test(name))
  .map((name) => ({ name, text: readFileSync(path.join(LEDGER, name), 'utf8') }));

/** The whole-file parse the item memo stands in for. */
function whole(text: string): unknown {
  return detachStrings(parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }));
}

/** Versions of a file as the tool writes them: the split must be taken and equal the whole parse. */
const EDITED: Record<string, (text: string) => string> = {
  'a status': (text) => text.replace('status: 未启动', 'status: 推进中'),
  'every status': (text) => text.replaceAll('status: 未启动', 'status: 已完成'),
  'a progress': (text) => text.replace('progress: ""', 'progress: "已按计划推进：完成 80%。"'),
  'a multi-line progress with reports': (text) =>
    text.replace(
      'progress: ""',
      'progress: |-\n          市审批局：已上线。\n\n          各县区：推进中。\n        unit_reports:\n          市审批局:\n            month: 2020-07\n            status: 已完成',
    ),
  'a quoted text over two lines': (text) => text.replace('progress: ""', 'progress: "第一行\n          第二行"'),
  'CRLF line ends': (text) => text.replaceAll('\n', '\r\n'),
  'no newline at the end': (text) => text.trimEnd(),
  'header comments': (text) => `# 说明\n#   第二行\n${text}`,
  'an anchor used by no other item': (text) => text.replace('units: [', 'units: &u ['),
  'comment and blank lines before the first item': (text) => text.replace(/measures:\n/, 'measures:\n\n      # 注\n'),
};

/** Layouts yaml reads the same but the tool does not write: the memo may decline, never differ. */
const UNUSUAL: Record<string, (text: string) => string> = {
  'tasks indented by four (measures level with their key)': (text) =>
    text.replace(/^ {2}(?=\S)/gm, '    ').replace(/^ {4}(?=\w)/gm, '      '),
  'lists indented by nothing': (text) => text.replace(/^ {2}(?=- )/gm, '').replace(/^ {6}(?=- )/gm, '    '),
  'tabs after the keys': (text) => text.replaceAll('status: ', 'status:\t'),
};

/** Before the second measure item of a file. */
const SECOND_ITEM = /(?<=\n)(?= {6}- id: "1\.1\.2")/;

/** Layouts the split cannot prove safe: the memo must decline (the whole file is parsed). */
const UNSAFE: Record<string, (text: string) => string> = {
  'a comment inside an item': (text) => text.replace('status: 未启动', 'status: 未启动 # 待定'),
  'a full-line comment inside an item': (text) =>
    text.replace('        status: 未启动', '        # 注\n        status: 未启动'),
  'a comment line after an item': (text) => text.replace(SECOND_ITEM, '      # 注\n'),
  'a blank line after an item': (text) => text.replace(SECOND_ITEM, '\n'),
  'a text cut by a comment in the frame': (text) => text.replace(/title: (.*)\n/, 'title: $1 #12 号文件\n'),
  'measures indented by eight': (text) =>
    text.replace(/^ {6}- id:/gm, '        - id:').replace(/^ {8}(?=\w)/gm, '          '),
  'an item line indented by seven': (text) => text.replace('\n        status:', '\n       status:'),
  'an alias across items': (text) =>
    text.replace('units: [', 'units: &u [').replace(/(\n {8})units: \[[^\]]*\]((?:.|\n)*)$/, '$1units: *u$2'),
  'a document marker': (text) => `---\n${text}`,
  'a YAML 1.1 directive': (text) => `%YAML 1.1\n---\n${text}`,
  'a key given twice in an item': (text) => text.replace('status: 未启动', 'status: 未启动\n        status: 已完成'),
  'a task text holding an item line': (text) =>
    text.replace(/(\n {4})text: (.*)\n/, '$1text: |\n      $2\n      - id: 9.9.9\n'),
  'a null measure in the frame': (text) => text.replace(SECOND_ITEM, '      - ~\n'),
  'a flow list over two lines': (text) => text.replace('units: [', 'units: [\n  '),
  'an unknown tag': (text) => text.replace('status: 未启动', 'status: !mine 未启动'),
};

describe('ItemMemo: an area file parsed per measure item', () => {
  it.each(BUNDLED)('$name: equals the whole-file parse', ({ text }) => {
    expect(cutAreaItems(text)).toBeDefined();
    expect(new ItemMemo(OPTIONS).parse(text)).toStrictEqual(whole(text));
  });

  it.each(Object.entries(EDITED))('with %s: equals the whole-file parse', (_, edit) => {
    for (const { text } of [...BUNDLED, { text: SMALL_AREA }]) {
      const edited = edit(text);
      expect(new ItemMemo(OPTIONS).parse(edited)).toStrictEqual(whole(edited));
    }
  });

  it.each(Object.entries(UNUSUAL))('with %s: declines or equals the whole-file parse', (_, edit) => {
    for (const { text } of [...BUNDLED, { text: SMALL_AREA }]) {
      const edited = edit(text);
      expect(edited).not.toBe(text);
      const value = new ItemMemo(OPTIONS).parse(edited);
      if (value !== undefined) expect(value).toStrictEqual(whole(edited));
    }
  });

  it.each(Object.entries(UNSAFE))('with %s: declines, and the loader gives what the whole file gives', (_, edit) => {
    const edited = edit(SMALL_AREA);
    expect(edited).not.toBe(SMALL_AREA);
    expect(new ItemMemo(OPTIONS).parse(edited)).toBeUndefined();
    const bytes = Buffer.from(edited);
    const alone = parseYamlSource(bytes, 'a.yaml', { strictComments: true });
    const withItems = parseYamlSource(bytes, 'a.yaml', { strictComments: true, items: areaItemMemo() });
    expect(withItems.diagnostics).toStrictEqual(alone.diagnostics);
    expect(withItems.warnings).toStrictEqual(alone.warnings);
    expect(withItems.source.value).toStrictEqual(alone.source.value);
  });

  it('reuses the unchanged items of a later version, and gives positions from the file', () => {
    const memo = areaItemMemo();
    const first = parseYamlSource(Buffer.from(SMALL_AREA), 'a.yaml', { items: memo }).source.value as Area;
    const edited = replaceOrThrow(SMALL_AREA, 'status: 未启动', 'status: 已完成');
    const second = parseYamlSource(Buffer.from(edited), 'a.yaml', { items: memo });
    const value = second.source.value as Area;
    expect(value).toStrictEqual(whole(edited));
    expect(value.tasks[0]!.measures[0]).not.toBe(first.tasks[0]!.measures[0]);
    expect(value.tasks[0]!.measures[1]).toBe(first.tasks[0]!.measures[1]);
    const alone = parseYamlSource(Buffer.from(edited), 'a.yaml');
    const at = ['tasks', 0, 'measures', 1, 'status'];
    expect(second.source.locate(at, 'value')).toStrictEqual(alone.source.locate(at, 'value'));
    expect(second.source.locate(at, 'value')).toMatchObject({ line: 22, col: 17 });
  });

  it('gives every version fresh lists: one result changed leaves the next untouched', () => {
    const memo = new ItemMemo(OPTIONS);
    const first = memo.parse(SMALL_AREA) as Area;
    first.tasks[0]!.measures.pop();
    expect(memo.parse(SMALL_AREA)).toStrictEqual(whole(SMALL_AREA));
  });
});

interface Area {
  tasks: { measures: unknown[] }[];
}
