import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../src/commands/import/run.js';
import { definitionOf } from '../../src/core/model/progress-fields.js';
import { AreaSchema } from '../../src/core/model/schema.js';
import { attachmentDocx, bundledAreas, paragraphsDocx } from '../helpers/plan-inputs.js';
import { BUNDLED_UNITS, REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** The first bytes of a Word 97–2003 (.doc) file. */
const OLE_HEADER = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

describe('ledger import of a Word table', () => {
  it('the attachment table of areas 1–2 imports to the bundled measures, deadlines and units', async () => {
    const areas = bundledAreas();
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'plan.docx': await attachmentDocx(areas) });
    const result = await importLedger({ root, source: 'plan.docx' });
    expect(result.diagnostics).toEqual([]);
    expect(result.plan).toMatchObject({ format: 'docx', levels: 3 });
    expect(result.plan!.title).toBe('附件 石嘴山市深化放管服改革优化营商环境工作台账');
    expect(result.written).toBe(true);
    for (const area of areas) {
      const file = path.join(root, 'ledger', result.files.find((f) => f.file.includes(area.title))!.file.slice(7));
      const imported = AreaSchema.parse(parse(readFileSync(file, 'utf8')));
      expect(definitionOf(imported)).toEqual(definitionOf(area));
    }
    expect(runCli(['validate'], root).code).toBe(0);
  });

  it('--dry-run reports what it found and writes nothing', async () => {
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'plan.docx': await attachmentDocx(bundledAreas()) });
    const before = snapshotTree(root);
    const run = runCli(['import', 'plan.docx', '--dry-run'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('方案格式：Word 文档（.docx）');
    expect(run.stdout).toContain('示例 1.1.1 优化企业开办线上服务｜2020年底前｜市审批局、市公安局');
    expect(run.stdout).toContain('源文件中有 2 个主要指标、9 项目标任务、34 项具体措施。');
    expect(run.stdout).toContain('未写入任何文件。');
    const json = JSON.parse(runCli(['import', 'plan.docx', '--dry-run', '--format', 'json'], root).stdout);
    expect(json).toMatchObject({ written: false, counts: { areas: 2, tasks: 9, measures: 34 } });
    expect(json.plan).toMatchObject({ format: 'docx', levels: 3, newUnits: [], unknownUnits: [], defaulted: [] });
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a Word document without a table: its numbered paragraphs read as the same text would be', async () => {
    const text = readFileSync(path.join(REPO_ROOT, 'test/fixtures/plans/county-points.txt'), 'utf8');
    const root = tempDir({
      'ledger/units.yaml': BUNDLED_UNITS,
      'plan.docx': await paragraphsDocx(text.split('\n')),
      'plan.txt': text,
    });
    const fromDocx = await importLedger({ root, source: 'plan.docx', newUnits: true, dryRun: true });
    const fromText = await importLedger({ root, source: 'plan.txt', newUnits: true, dryRun: true });
    expect(fromDocx.diagnostics).toEqual([]);
    expect(fromDocx.plan).toMatchObject({ format: 'docx', levels: 3, year: 2022 });
    expect(fromDocx.areas).toEqual(fromText.areas);
    expect(fromDocx.areas.flatMap((a) => a.tasks.flatMap((t) => t.measures))).toHaveLength(4);
  });

  it('refuses a .docx or .xlsx that unpacks past 32 MB, and an old .doc, without reading further', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', ' '.repeat(33 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const root = tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, 'bomb.docx': bomb, 'old.doc': OLE_HEADER });
    await expect(importLedger({ root, source: 'bomb.docx', dryRun: true })).rejects.toThrow('解压后超过 32 MB');
    const sheets = new JSZip();
    sheets.file('xl/workbook.xml', '<workbook/>');
    sheets.file('xl/worksheets/sheet1.xml', ' '.repeat(33 * 1024 * 1024));
    writeFileSync(
      path.join(root, 'bomb.xlsx'),
      await sheets.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
    await expect(importLedger({ root, source: 'bomb.xlsx', dryRun: true })).rejects.toThrow('解压后超过 32 MB');
    await expect(importLedger({ root, source: 'old.doc', dryRun: true })).rejects.toThrow('旧版 Word/Excel 文件');
  });

  it('a Word document with neither a table nor numbered items: found nothing, wrote nothing (not “无需改动”)', async () => {
    const root = tempDir({
      'ledger/units.yaml': BUNDLED_UNITS,
      'memo.docx': await paragraphsDocx(['会议纪要', '研究了有关事项。']),
    });
    const run = runCli(['import', 'memo.docx'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[import/no-attachment]');
    expect(run.stdout).toContain('未写入任何文件。');
    expect(run.stdout).not.toContain('无需改动');
  });
});
