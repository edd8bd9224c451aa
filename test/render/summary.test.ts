import ExcelJS from 'exceljs';
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summary } from '../../src/commands/summary/run.js';
import { SUMMARY_HEADER_ROW, LIGHT_FILLS } from '../../src/render/summary-xlsx.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { DONE_AREA, TRICKY_AREA } from '../helpers/render-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const AREAS = {
  'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA,
  'ledger/02-提升项目建设审批便利度.yaml': TRICKY_AREA,
  'ledger/03-推进纳税服务便利化.yaml': DONE_AREA,
};

/** The `## ` sections of a Markdown document: title → rows of cells (header first). */
function markdownSections(markdown: string): Map<string, string[][]> {
  const sections = new Map<string, string[][]>();
  let current: string[][] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) sections.set(line.slice(3), (current = []));
    else if (line.startsWith('|') && !line.startsWith('| ---')) {
      current.push(
        line
          .slice(1, -1)
          .split(' | ')
          .map((c) => c.trim().replace(/^\*\*(.*)\*\*$/, '$1')),
      );
    }
  }
  return sections;
}

function section(sections: Map<string, string[][]>, name: string): string[][] {
  const key = [...sections.keys()].find((k) => k.includes(name));
  expect(key, name).toBeDefined();
  return sections.get(key!)!;
}

const COUNT_KEYS = ['measures', 'done', 'inProgress', 'notStarted', 'overdue', 'dueSoon'] as const;

function countCells(row: Record<string, unknown>): string[] {
  return [...COUNT_KEYS.map((k) => String(row[k])), `${row.completionPercent}%`];
}

describe('ledger summary', () => {
  it('shows the figures of ledger status --format json for the same date (areas, total, leads)', () => {
    const root = tempLedger(AREAS);
    const byArea = JSON.parse(runCli(['status', '--format', 'json', '--as-of', '2020-07-25'], root).stdout);
    const byLead = JSON.parse(
      runCli(['status', '--by', 'lead', '--format', 'json', '--as-of', '2020-07-25'], root).stdout,
    );
    const run = runCli(['summary', '--month', '2020-07', '--format', 'md', '--out', '-'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sections = markdownSections(run.stdout);
    expect(run.stdout).toContain('截至 2020-07-25');

    const areaRows = section(sections, '各主要指标').slice(1);
    expect(areaRows).toHaveLength(byArea.rows.length + 1);
    byArea.rows.forEach((row: Record<string, unknown>, i: number) => {
      expect(areaRows[i]!.slice(0, 2)).toEqual([String(row.area), row.title]);
      expect(areaRows[i]!.slice(3, 10)).toEqual(countCells(row));
      expect(areaRows[i]![10]).toContain(String(row.light));
    });
    expect(areaRows.at(-1)!.slice(3, 10)).toEqual(countCells(byArea.total));

    const headline = new Map(section(sections, '总体情况').map((r) => [r[0], r[1]]));
    expect(headline.get('具体措施')).toBe(String(byArea.total.measures));
    expect(headline.get('已完成')).toBe(String(byArea.total.done));
    expect(headline.get('推进中')).toBe(String(byArea.total.inProgress));
    expect(headline.get('未启动')).toBe(String(byArea.total.notStarted));
    expect(headline.get('逾期')).toBe(String(byArea.total.overdue));
    expect(headline.get('临期')).toBe(String(byArea.total.dueSoon));

    const leadRows = section(sections, '牵头单位汇总').slice(1);
    expect(leadRows.map((r) => r[0])).toEqual(byLead.rows.map((r: { lead: string }) => r.lead));
    byLead.rows.forEach((row: Record<string, unknown>, i: number) =>
      expect(leadRows[i]!.slice(3, 10)).toEqual(countCells(row)),
    );
  });

  it('lists overdue measures, those completed this month and those due next month', async () => {
    const result = await summary({ root: tempLedger(AREAS), month: '2020-07', format: 'md', out: '-' });
    const s = result.summary!;
    expect(s.asOf).toBe('2020-07-25');
    expect(s.overdue.map((i) => i.id)).toEqual(['1.1.2', '1.2.1', '2.1.1']);
    expect(s.completed.map((i) => [i.id, i.completedOn])).toEqual([['3.1.1', '2020-07-10']]);
    expect(s.dueNextMonth.map((i) => i.id)).toEqual(['3.1.3']);
    expect(s.headline.dueNextMonth).toBe(1);
    expect(s.reports).toBeUndefined();
    expect(result.text).toContain('尚无报送文件');
    const sections = markdownSections(result.text!);
    expect(
      section(sections, '本月完成')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['3.1.1']);
    expect(
      section(sections, '逾期措施')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['1.1.2', '1.2.1', '2.1.1']);
  });

  it('writes one xlsx sheet per section with the same figures, lights coloured and headers frozen', async () => {
    const out = path.join(tempDir(), '汇总.xlsx');
    const result = await summary({
      root: tempLedger(AREAS),
      month: '2020-07',
      asOf: '2020-07-31',
      format: 'xlsx',
      out,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '总体情况',
      '各主要指标',
      '逾期措施',
      '本月完成',
      '下月到期',
      '报送情况',
      '牵头单位',
      '单位通报',
    ]);
    const sheet = workbook.getWorksheet('各主要指标')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: SUMMARY_HEADER_ROW });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`);
    const s = result.summary!;
    s.areas.rows.forEach((row, i) => {
      const r = SUMMARY_HEADER_ROW + 1 + i;
      expect(sheet.getCell(r, 4).value).toBe(row.measures);
      expect(sheet.getCell(r, 8).value).toBe(row.overdue);
      expect(sheet.getCell(r, 11).value).toBe(row.light);
      expect((sheet.getCell(r, 11).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LIGHT_FILLS[row.light]);
    });
    // As of 31 July, 3.1.4 (2020年7月底前) is due today, not yet overdue.
    expect(s.overdue.map((i) => i.id)).not.toContain('3.1.4');
    const overdueSheet = workbook.getWorksheet('逾期措施')!;
    expect(overdueSheet.getCell(SUMMARY_HEADER_ROW + 1, 1).value).toBe('1.1.2');
  });

  it('adds units that have not reported or reported late, and ranks units on their own record, those that never reported apart', async () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, 'ledger/03-推进纳税服务便利化.yaml': DONE_AREA });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    const report = (unit: string, id: string) =>
      `unit: ${unit}\nmonth: "2020-07"\nentries:\n  - id: "${id}"\n    status: 推进中\n    progress: 推进中。\n`;
    repo.commit(
      '市税务局 7月报送',
      { 'reports/2020-07/市税务局.yaml': report('市税务局', '3.1.3') },
      { date: '2020-07-18T10:00:00+08:00' },
    );
    repo.commit(
      '市人社局 7月报送',
      { 'reports/2020-07/市人社局.yaml': report('市人社局', '3.1.3') },
      { date: '2020-07-23T10:00:00+08:00' },
    );
    const result = await summary({ root: repo.dir, month: '2020-07', format: 'md', out: '-' });
    const s = result.summary!;
    expect(s.reports).toMatchObject({ missing: 1, late: 1 });
    const rows = section(markdownSections(result.text!), '报送情况').slice(1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(
      expect.arrayContaining([
        ['市财政局', '未报送'],
        ['市人社局', '迟报'],
      ]),
    );
    expect(rows).toHaveLength(2);
    // 市人社局: nothing due yet (60) + late this month (10) + year ½ (10) = 80; 市税务局 finished 3.1.1 after
    // its deadline (60 × ½) + on time (20 + 20) = 70. 市财政局 never reported: listed apart, not ranked.
    expect(s.ranking.map((r) => [r.rank, r.unit, r.report, r.score])).toEqual([
      [1, '市人社局', 'late', 80],
      [2, '市税务局', 'on-time', 70],
    ]);
    expect(s.neverReported.map((r) => [r.unit, r.report])).toEqual([['市财政局', 'missing']]);
    const ranking = section(markdownSections(result.text!), '单位通报');
    expect(ranking.at(-1)).toEqual(['—', '市财政局', '—', '1', '0', '0/0', '0', '从未报送', '0/1']);
  });

  it('refuses a ledger with errors and writes nothing', async () => {
    const cwd = tempDir();
    const root = tempLedger({
      'ledger/01-a.yaml': replaceOrThrow(SMALL_AREA, 'deadline: 2020年底前', 'deadline: 明年'),
    });
    const result = await summary({ root, cwd, month: '2020-07', format: 'xlsx' });
    expect(result.diagnostics.map((d) => d.code)).toContain('deadline/unparseable');
    expect(result.file).toBeUndefined();
    expect(readdirSync(cwd)).toEqual([]);
    const run = runCli(['summary', '--month', '2020-13'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--month');
  });
});
