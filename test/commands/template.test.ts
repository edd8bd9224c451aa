import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { template } from '../../src/commands/template/run.js';
import { validate } from '../../src/commands/validate/run.js';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';

describe('ledger template', () => {
  it('lists the measures of a group member and carries last month forward; the untouched form is a valid report', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-06/平罗县.yaml': reportYaml('平罗县', '2020-06', entry('1.1.1', '推进中', '六月进展')),
    });
    await merge({ root, paths: ['reports/2020-06'], asOf: '2020-06-30' });
    const { written, measures } = await template({ root, unit: '平罗县', month: '2020-07' });
    expect(measures).toBe(1);
    expect(path.relative(root, written!)).toBe('reports/2020-07/平罗县.yaml');
    const text = readFileSync(written!, 'utf8');
    expect(text).toContain('# 1.1.1 优化企业开办线上服务（以下沿用 2020-06 已合并的报送，请更新）');
    expect(text).toContain('status: 推进中');
    expect(text).toContain('progress: 六月进展');
    expect((await validate({ root, asOf: '2020-07-10' })).diagnostics).toEqual([]);
  });

  it('refuses a group, an unknown unit and an existing file', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    await expect(template({ root, unit: '各县区', month: '2020-07' })).rejects.toThrow(/由成员单位分别报送/);
    await expect(template({ root, unit: '市公按局', month: '2020-07' })).rejects.toThrow(/不在单位名录中/);
    await template({ root, unit: '市财政局', month: '2020-07' });
    await expect(template({ root, unit: '市财政局', month: '2020-07' })).rejects.toThrow(/已存在/);
  });
});

describe('ledger validate with reports', () => {
  it('checks every file under reports/ and counts them', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.2.3', '推进中')),
      'reports/2020-07/市财政局.yaml': reportYaml('市财政局', '2020-07', entry('1.2.3', '推进中')),
      'reports/2020-07/市财政局.xlsx': 'not really',
      'reports/notes.md': '# 说明',
    });
    const result = await validate({ root, asOf: '2020-07-10' });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['report/not-responsible', 'reports/2020-07/市公安局.yaml'],
      ['report/stray-file', 'reports/2020-07/市财政局.xlsx'],
      ['report/stray-file', 'reports/notes.md'],
    ]);
    expect(result.summary.files).toBe(4);
  });
});
