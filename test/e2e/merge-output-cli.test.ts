import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { template } from '../../src/commands/template/run.js';
import { fillXlsx } from '../helpers/fill-xlsx.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA2_FILE = 'ledger/02-提升项目建设审批便利度.yaml';
const AREA2 = replaceOrThrow(SMALL_AREA, 'area: 1', 'area: 2')
  .replace('title: 持续深化商事制度改革', 'title: 提升项目建设审批便利度')
  .replaceAll('id: "1.', 'id: "2.');

describe('ledger merge output', () => {
  it('--dry-run --verbose shows the new 工作完成情况, indented under its unit and cut short', () => {
    const long = `${'甲'.repeat(80)}\\n第二行\\n3\\n4\\n5\\n6\\n7\\n8`;
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', long)),
    });
    const run = runCli(['merge', 'reports/2020-07', '--dry-run', '--verbose', '--as-of', '2020-07-25'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '    工作完成情况（按各单位最新报送重写）：',
        `      市审批局：${'甲'.repeat(54)}…`,
        '      　　第二行',
        '      　　3',
        '      　　4',
        '      　　5',
        '      　　6',
        '      …（另有 2 行，完整内容见台账文件）',
      ].join('\n'),
    );
  });

  it('lists the written files sorted', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      [AREA2_FILE]: AREA2,
      'reports/2020-07/市审批局.yaml': reportYaml(
        '市审批局',
        '2020-07',
        entry('2.1.2', '推进中', '二') + entry('1.1.2', '推进中', '一'),
      ),
    });
    const result = await merge({ root, paths: ['reports/2020-07'], asOf: '2020-07-25' });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual([AREA_FILE, AREA2_FILE]);
  });

  it('names the cell of an xlsx form problem in the message, and a missing status is 缺少 status', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const { written } = await template({ root, unit: '市审批局', month: '2020-07', format: 'xlsx', out: 'form.xlsx' });
    await fillXlsx(written!, { '1.1.1': { 状态: '进行中' }, '1.1.2': { 状态: null } });
    const result = await merge({ root, paths: ['form.xlsx'], asOf: '2020-07-25' });
    const found = result.diagnostics.map((d) => [d.code, d.line, d.col, d.message]);
    expect(found).toEqual([
      ['schema/invalid-value', 5, 4, '单元格 D5：status（状态） 的取值无效'],
      ['schema/missing-field', 6, 4, expect.stringMatching(/^单元格 D6：缺少必填字段 status/)],
    ]);
    expect(path.basename(result.diagnostics[0]!.file)).toBe('form.xlsx');
  });

  it('a yaml entry without status is 缺少 status at the entry', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市审批局.yaml':
        'unit: 市审批局\nmonth: "2020-07"\nentries:\n  - id: "1.1.2"\n    progress: 已优化\n',
    });
    const result = await merge({ root, paths: ['reports/2020-07'], asOf: '2020-07-25' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.col])).toEqual([
      ['schema/missing-field', 'reports/2020-07/市审批局.yaml', 4, 5],
    ]);
    expect(result.diagnostics[0]!.message).toContain('缺少必填字段 status');
    expect(result.diagnostics[0]!.hint).toContain('未启动、推进中、已完成');
  });
});
