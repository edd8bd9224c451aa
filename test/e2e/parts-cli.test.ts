import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { SIX_UNIT_AREA_REPORTED } from '../helpers/six-unit-area.js';

const AREA = 'ledger/03-优化市政设施接入服务.yaml';
const json = (args: string[], root: string) => JSON.parse(runCli([...args, '--format', 'json'], root).stdout);

describe('each unit answers for its own part (a measure of six units, five done, 星瀚集团 never reported)', () => {
  const sixUnits = () => tempLedger({ [AREA]: SIX_UNIT_AREA_REPORTED });

  it('status --unit of a finished unit does not list it as overdue, and says who holds the measure back', () => {
    const root = sixUnits();
    const run = runCli(['status', '--unit', '平罗县', '--as-of', '2020-12-01'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('共 1 项：已完成 1，推进中 0，未启动 0；逾期 0，临期 0；状态灯 绿');
    expect(run.stdout).toMatch(/│ 3\.2\.1 +│ 压减接入时间 +│ 2020年6月底前 +│ 已完成 +│ 待 星瀚集团（严重逾/);
    const view = json(['status', '--unit', '平罗县', '--as-of', '2020-12-01'], root);
    expect(view.items[0]).toMatchObject({ unit: '平罗县', status: '已完成', whole: { status: '未启动' } });
    expect(view.items[0].state.overdue).toBe(false);
    expect(json(['overdue', '--unit', '平罗县', '--as-of', '2020-12-01'], root).items).toEqual([]);
  });

  it('the silent unit is overdue on its own part; the measure names it', () => {
    const root = sixUnits();
    const silent = json(['overdue', '--unit', '星瀚集团', '--as-of', '2020-12-01'], root);
    expect(silent.items.map((i: { id: string }) => i.id)).toEqual(['3.2.1']);
    const all = runCli(['overdue', '--as-of', '2020-12-01'], root);
    expect(all.stdout).toContain('已完成 5/6，待 星瀚集团'); // the 情况 cell: state, then who holds it back
    const byUnit = json(['status', '--by', 'unit', '--as-of', '2020-12-01'], root);
    const row = (unit: string) => byUnit.rows.find((r: { unit: string }) => r.unit === unit);
    expect(row('平罗县')).toMatchObject({ measures: 1, done: 1, overdue: 0 });
    expect(row('星瀚集团')).toMatchObject({ measures: 1, done: 0, overdue: 1 });
  });

  it('the xlsx 台账 cell has the status on its own line, then each unit’s own line', async () => {
    const root = sixUnits();
    const out = path.join(root, '台账.xlsx');
    expect(runCli(['render', '--as-of', '2020-12-01', '--out', out], root).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    let cell = '';
    sheet.eachRow((row) => {
      const text = String(row.getCell(5).value ?? '');
      if (text.includes('星瀚集团')) cell = text;
    });
    expect(cell.split('\n')).toEqual([
      '未启动（严重逾期 154 天）；已完成 5/6，待 星瀚集团（从未报送）',
      '市住建局（已完成）：已办结',
      '市审批局（已完成）：已办结',
      '星瀚集团：未报送',
      '大武口区（已完成）：已办结',
      '惠农区（已完成）：已办结',
      '平罗县（已完成）：已办结',
    ]);
  });

  it('the 通报 ranks the finished units and lists the silent one apart, below them', () => {
    const root = sixUnits();
    const md = runCli(['summary', '--month', '2020-11', '--as-of', '2020-12-01', '--format', 'md', '--out', '-'], root);
    expect(md.code).toBe(0);
    const table = md.stdout.slice(md.stdout.indexOf('责任单位通报'));
    const units = [...table.matchAll(/^\| (\d+|—) \| (\S+) \|/gm)].map((m) => [m[1], m[2]]);
    expect(units).toEqual([
      ['1', '市审批局'],
      ['1', '市住建局'],
      ['1', '大武口区'],
      ['1', '惠农区'],
      ['1', '平罗县'],
      ['—', '星瀚集团'],
    ]);
    expect(table).toContain('从未报送的 1 个单位（星瀚集团）不参加排名');
    expect(table).toContain('得分 = 60 × 按时完成率');
  });
});
