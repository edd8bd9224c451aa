import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

async function heading(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return String(workbook.worksheets[0]!.getCell('A1').value);
}

describe('the xlsx report form heading', () => {
  it('carries the title of the ledger it was made from (ledger/config.yaml title)', async () => {
    const parent = tempDir();
    expect(runCli(['init', '台账', '--title', '银川市优化营商环境工作台账'], parent).code).toBe(0);
    const dir = path.join(parent, '台账');
    const made = runCli(
      ['template', '--unit', '市审批局', '--month', '2020-07', '--format', 'xlsx', '--out', 'form.xlsx'],
      dir,
    );
    expect(made.stderr).toBe('');
    const title = await heading(path.join(dir, 'form.xlsx'));
    expect(title).toBe('市审批局 2020-07 银川市优化营商环境工作台账进展报送表（报送截止：2020-07-20）');
    expect(title).not.toContain('石嘴山');
  });

  it('says 石嘴山 for the bundled ledger', async () => {
    const out = path.join(tempDir(), 'form.xlsx');
    expect(
      runCli(['template', '--unit', '市审批局', '--month', '2020-07', '--format', 'xlsx', '--out', out], REPO_ROOT)
        .code,
    ).toBe(0);
    expect(await heading(out)).toBe(
      '市审批局 2020-07 石嘴山市深化“放管服”改革优化营商环境工作台账进展报送表（报送截止：2020-07-20）',
    );
  });
});
