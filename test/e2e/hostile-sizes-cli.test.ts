import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { snapshotTree } from '../helpers/temp-dir.js';

/** Issue 25, items 4 and 6: reports that would brick the ledger, and floods of input and output. */

const REPORT = 'reports/2020-07/市公安局.yaml';
/** The heap a refused input may take: the run fails (not exit 1) if it needs more. */
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=300' };

function header(unit = '市公安局'): string {
  return `unit: ${unit}\nmonth: "2020-07"\nentries:\n`;
}

/** A refused input: exit 1, the file named, the ledger as it was, and short output. */
function expectRefused(root: string, args: string[], named: string, code: string): CliRun {
  const before = snapshotTree(root);
  const run = runCli(args, root, SMALL_HEAP);
  const output = run.stdout + run.stderr;
  expect(run.code, output.slice(0, 2000)).toBe(1);
  expect(output).toContain(named);
  expect(output).toContain(code);
  expect(output.length).toBeLessThan(20_000);
  expect(snapshotTree(root)).toEqual(before);
  return run;
}

/** A zip of one part whose directory says it inflates to 1,000 bytes; it really inflates to `size`. */
function lyingZip(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(Buffer.alloc(size, 0x61));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const offset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('reports that would brick the ledger', { timeout: 240_000 }, () => {
  it('a report over the size limit is refused before parsing, by validate and merge', () => {
    const progress = '长'.repeat(1_800_000);
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      [REPORT]: `${header()}  - id: "1.1.1"\n    status: 推进中\n    progress: "${progress}"\n`,
    });
    expectRefused(root, ['validate', REPORT], REPORT, 'report/too-large');
    expectRefused(root, ['merge', REPORT, '--as-of', '2020-07-25'], REPORT, 'report/too-large');
  });

  it('a merge never makes an area file larger than the bound; the ledger is unchanged', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      [REPORT]: reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '长'.repeat(9_000))),
    });
    const before = snapshotTree(root);
    const run = runCli(['merge', REPORT, '--as-of', '2020-07-25'], root, {
      LEDGER_TEST_MAX_LEDGER_FILE_BYTES: '20000',
    });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toContain(AREA_FILE);
    expect(run.stderr).toContain('超过台账文件的上限');
    expect(snapshotTree(root)).toEqual(before);
    // Under the real bound the same merge goes through.
    expect(runCli(['merge', REPORT, '--as-of', '2020-07-25'], root).code).toBe(0);
  });
});

describe('floods', { timeout: 240_000 }, () => {
  it('200,000 duplicate entries: refused in a few lines, within a small heap', () => {
    const entries = '  - id: "1.1.1"\n    status: 推进中\n    progress: x\n'.repeat(200_000);
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, [REPORT]: header() + entries });
    expectRefused(root, ['validate', REPORT], REPORT, 'report/too-large');
    expectRefused(root, ['merge', REPORT, '--as-of', '2020-07-25'], REPORT, 'report/too-large');
  });

  it('4,000 duplicate entries (under the limits): at most 20 of one code per file, then one line for the rest', () => {
    const entries = '  - id: "1.1.1"\n    status: 推进中\n    progress: x\n'.repeat(4_000);
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, [REPORT]: header() + entries });
    for (const format of ['text', 'json', 'github']) {
      const run = expectRefused(root, ['validate', REPORT, '--format', format], REPORT, 'report/duplicate-entry');
      expect(run.stdout).toContain('另有 3979 处同类问题');
    }
    const text = runCli(['validate', REPORT], root);
    expect(text.stdout.match(/\[report\/duplicate-entry\]/g)).toHaveLength(21);
    expect(text.stdout).toContain('共 3999 个错误');
  });

  it('an xlsx whose zip directory lies about its sizes is refused by counting what it inflates to', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const file = path.join(root, 'bomb.xlsx');
    writeFileSync(file, lyingZip(400 * 1024 * 1024));
    expectRefused(root, ['merge', file, '--dry-run'], 'bomb.xlsx', 'report/xlsx-too-large');
  });

  it('a 100,000-row xlsx is refused before exceljs reads it', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('月度报送');
    for (let i = 0; i < 100_000; i++)
      sheet.addRow(['1.1.1', `措施${i}`, '2020年底前', '推进中', `进展很好进展很好${i}`]);
    const file = path.join(root, 'rows.xlsx');
    await workbook.xlsx.writeFile(file);
    expectRefused(root, ['merge', file, '--dry-run'], 'rows.xlsx', 'report/xlsx-too-large');
  });
});
