import { describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate/run.js';
import type { Diagnostic } from '../../src/core/model/diagnostic.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

const AREA_FILE = 'ledger/01-持续深化商事制度改革.yaml';

async function diagnosticsFor(content: string | Uint8Array): Promise<Diagnostic[]> {
  return (await validate({ root: tempLedger({ [AREA_FILE]: content }), asOf: '2020-12-31' })).diagnostics;
}

function only(diagnostics: Diagnostic[]): Diagnostic {
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): { line: number; col: number } {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

describe('ledger validate: bad input', () => {
  it('accepts the small fixture', async () => {
    expect(await diagnosticsFor(SMALL_AREA)).toEqual([]);
  });

  it('malformed YAML: points at the broken line', async () => {
    const text = replaceOrThrow(
      SMALL_AREA,
      'title: 优化企业开办线下服务',
      'title: 优化企业开办线下服务\n       bad: [unclosed',
    );
    const d = (await diagnosticsFor(text))[0]!;
    expect(d.code).toBe('yaml/syntax');
    expect(d.line).toBe(positionOf(text, 'bad: [unclosed').line);
  });

  it('wrong type: a word where a number belongs', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 一');
    expect(only(await diagnosticsFor(text))).toMatchObject({
      code: 'schema/wrong-type',
      file: AREA_FILE,
      line: 1,
      col: 7,
    });
  });

  it('a number out of range (config report_day 31): said in Chinese, where it is', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, 'ledger/config.yaml': 'report_day: 31\n' });
    const d = only((await validate({ root, asOf: '2020-12-31' })).diagnostics);
    expect(d).toMatchObject({ code: 'schema/too-big', file: 'ledger/config.yaml', line: 1, col: 13 });
    expect(d.message).toContain('不能大于 28');
    expect(d.message).not.toMatch(/[A-Za-z]{4,} [a-z]+/);
  });

  it('unknown key: names it, points at the key and suggests the right one', async () => {
    const text = replaceOrThrow(
      SMALL_AREA,
      '        remark: ""\n  - id: "1.2"',
      '        remark: ""\n        statu: 推进中\n  - id: "1.2"',
    );
    const d = only(await diagnosticsFor(text));
    expect(d).toMatchObject({ code: 'schema/unknown-field', ...positionOf(text, 'statu:') });
    expect(d.hint).toContain('status');
  });

  it('missing required field: points at the measure that lacks it', async () => {
    const text = replaceOrThrow(SMALL_AREA, '        deadline: 2020年6月底前\n', '');
    const d = only(await diagnosticsFor(text));
    expect(d).toMatchObject({ code: 'schema/missing-field', ...positionOf(text, 'id: "1.1.2"') });
    expect(d.message).toContain('deadline');
  });

  it('duplicate ids: points at the second one and names the first', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'id: "1.2.3"', 'id: "1.2.2"');
    const d = only(await diagnosticsFor(text));
    expect(d).toMatchObject({ code: 'id/duplicate', ...positionOf(text, '"1.2.2"', 2) });
    expect(d.message).toContain(`${AREA_FILE}:${positionOf(text, '"1.2.2"').line}`);
  });

  it('unknown unit: did you mean', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'units: [市审批局, 市公安局]', 'units: [市审批局, 市公按局]');
    const d = only(await diagnosticsFor(text));
    expect(d).toMatchObject({ code: 'unit/unknown', ...positionOf(text, '市公按局') });
    expect(d.hint).toContain('市公安局');
  });

  it('alias of a unit: asks for the canonical name', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'units: [市中级人民法院]', 'units: [中级法院]');
    expect(only(await diagnosticsFor(text))).toMatchObject({
      code: 'unit/not-canonical',
      hint: '改为 市中级人民法院',
      ...positionOf(text, '中级法院]'),
    });
  });

  it('unparseable deadline', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'deadline: 适时', 'deadline: 明年春天');
    expect(only(await diagnosticsFor(text))).toMatchObject({
      code: 'deadline/unparseable',
      ...positionOf(text, '明年春天'),
    });
  });

  it('a file saved as GBK: a clear “not UTF-8” error at the first bad byte', async () => {
    const head = Buffer.from('area: 1\ntitle: ', 'utf8');
    const gbk = Buffer.from([0xb1, 0xea, 0xcc, 0xe2]); // “标题” in GBK
    const d = only(await diagnosticsFor(Buffer.concat([head, gbk, Buffer.from('\n')])));
    expect(d).toMatchObject({ code: 'file/not-utf8', file: AREA_FILE, line: 2, col: 8 });
    expect(d.hint).toContain('GB18030');
  });

  it('a UTF-8 BOM and CRLF line ends are accepted, and positions stay right', async () => {
    const crlf = replaceOrThrow(SMALL_AREA, /\n/g, '\r\n');
    expect(await diagnosticsFor(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]))).toEqual([]);
    const broken = replaceOrThrow(SMALL_AREA, 'deadline: 适时', 'deadline: 明年春天');
    const d = only(await diagnosticsFor('\uFEFF' + broken.replace(/\n/g, '\r\n')));
    expect(d).toMatchObject(positionOf(broken, '明年春天'));
  });

  it('a YAML alias bomb is rejected', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
      ['g', 'h'],
      ['h', 'i'],
    ]) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(only(await diagnosticsFor(levels.join('\n') + '\n'))).toMatchObject({ code: 'yaml/alias-bomb', line: 1 });
  });

  it('an empty file', async () => {
    expect(only(await diagnosticsFor(''))).toMatchObject({ code: 'yaml/empty', file: AREA_FILE });
  });

  it('reports every problem in one run, across files', async () => {
    const one = replaceOrThrow(SMALL_AREA, 'deadline: 适时', 'deadline: 明年春天').replace(
      'units: [市财政局]',
      'units: [市财务局]',
    );
    const two = replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2')
      .replace('title: 持续深化商事制度改革', 'title: 第二')
      .replace(/"1\./g, '"2.');
    const root = tempLedger({
      [AREA_FILE]: one,
      'ledger/02-第二.yaml': two.replace('status: 未启动', 'status: 完成了'),
    });
    const codes = (await validate({ root, asOf: '2020-12-31' })).diagnostics.map((d) => `${d.file}:${d.code}`);
    expect(codes).toEqual([
      `${AREA_FILE}:deadline/unparseable`,
      `${AREA_FILE}:unit/unknown`,
      'ledger/02-第二.yaml:schema/invalid-value',
    ]);
  });
});

describe('ledger validate: on the command line', () => {
  it('the bundled ledger is valid', async () => {
    const run = runCli(['validate'], process.cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('179 项具体措施');
  });

  it('bad input: exit 1, no stack trace, no file changed; json and github formats carry the location', async () => {
    const root = tempLedger({
      [AREA_FILE]: replaceOrThrow(SMALL_AREA, 'units: [市审批局, 市公安局]', 'units: [市审批局, 市公按局]'),
    });
    const before = snapshotTree(root);
    const text = runCli(['validate'], root);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^ledger\/01-持续深化商事制度改革\.yaml:\d+:\d+: 错误 \[unit\/unknown\]/m);
    expect(text.stdout).toContain('units: [市审批局, 市公按局]\n');
    expect(text.stdout).toMatch(/\| {27}\^\n/);
    expect(text.stderr).toBe('');
    const json = JSON.parse(runCli(['validate', '--format', 'json'], root).stdout);
    expect(json).toMatchObject({ version: 1, ok: false, summary: { errors: 1, warnings: 0 } });
    expect(json.diagnostics[0]).toMatchObject({ code: 'unit/unknown', severity: 'error', file: AREA_FILE });
    const github = runCli(['validate', '--format', 'github'], root).stdout;
    expect(github).toMatch(
      /^::error file=ledger\/01-持续深化商事制度改革\.yaml,line=\d+,col=\d+,title=unit\/unknown::/m,
    );
    expect(github).toContain('共 1 个错误');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a file argument limits the report to that file', async () => {
    const root = tempLedger({
      [AREA_FILE]: replaceOrThrow(SMALL_AREA, 'deadline: 适时', 'deadline: 明年'),
      'ledger/02-第二.yaml': replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2')
        .replace('title: 持续深化商事制度改革', 'title: 第二')
        .replace(/"1\./g, '"2.'),
    });
    const run = runCli(['validate', 'ledger/02-第二.yaml'], root);
    expect(run.code).toBe(0);
  });
});

describe('ledger validate PATH', () => {
  it('a path that does not exist, or is neither ledger nor report, is a usage error', async () => {
    const root = tempLedger({ 'README.md': '# x\n' });
    expect(runCli(['validate', 'nonexist.yaml'], root)).toMatchObject({ code: 2, stdout: '' });
    const readme = runCli(['validate', 'README.md'], root);
    expect(readme.code).toBe(2);
    expect(readme.stderr).toContain('不是台账文件或报送文件');
  });

  it('checks a report form kept outside the repository against the ledger', async () => {
    const root = tempLedger();
    const outside = tempDir({
      'form.yaml':
        'unit: 市公安局\nmonth: 2020-07\nentries:\n  - id: 1.1.1\n    status: 推进中\n    progress: 进行中\n  - id: 1.2.3\n    status: 推进中\n',
    });
    const run = runCli(['validate', `${outside}/form.yaml`, '--as-of', '2020-07-21'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${outside}/form.yaml:7:9: 错误 [report/not-responsible]`);
    expect(run.stdout).toContain('  7 |   - id: 1.2.3');
  });
});

describe('a file with one bad value', () => {
  it('keeps its other measures in the ledger, so the other checks still run on them', async () => {
    const text = replaceOrThrow(SMALL_AREA, 'status: 未启动', 'status: 完成了').replace(
      'units: [市财政局]',
      'units: [市财务局]',
    );
    const codes = (await diagnosticsFor(text)).map((d) => d.code);
    expect(codes).toEqual(['schema/invalid-value', 'unit/unknown']);
  });
});

describe('reading commands on a ledger with an error', () => {
  it('status and overdue still show the other measures, warn, and exit 1', async () => {
    const root = tempLedger({ [AREA_FILE]: replaceOrThrow(SMALL_AREA, 'status: 未启动', 'status: 完成了') });
    const status = runCli(['status', '--as-of', '2020-07-15', '--format', 'json'], root);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout)).toMatchObject({ problems: 1 });
    const overdue = runCli(['overdue', '--as-of', '2020-07-15'], root);
    expect(overdue.code).toBe(1);
    expect(overdue.stdout).toContain('1.1.2');
    expect(overdue.stdout).toContain('台账中有 1 处错误');
  });
});

describe('text cut short by a # comment', () => {
  it('warns where the comment starts, in an area file even with a space after #', async () => {
    const text = replaceOrThrow(
      SMALL_AREA,
      '        progress: ""\n        remark: ""\n      - id: "1.1.2"',
      '        progress: 已办结 # 见12号文件\n        remark: ""\n      - id: "1.1.2"',
    );
    const d = only(await diagnosticsFor(text));
    expect(d).toMatchObject({ code: 'yaml/comment-in-text', severity: 'warning', ...positionOf(text, '# 见12号文件') });
    expect(d.hint).toContain('"已办结 #见12号文件"');
  });

  it('in a report form, only a # glued to the text (template comments after values are fine)', async () => {
    const root = tempLedger();
    const outside = tempDir({
      'form.yaml':
        'unit: 市公安局 # 报送单位\nmonth: 2020-07\nentries:\n  - id: 1.1.1\n    status: 推进中 # 状态\n    progress: 已办结 #12 号文件\n',
    });
    const run = runCli(['validate', `${outside}/form.yaml`, '--as-of', '2020-07-21'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${outside}/form.yaml:6:19: 警告 [yaml/comment-in-text]`);
    expect(run.stdout).toContain('共 0 个错误、1 个警告');
  });
});
