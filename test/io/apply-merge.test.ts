import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMerge } from '../../src/core/reports/merge-plan.js';
import { applyMerge } from '../../src/io/apply-merge.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, report, reportYaml } from '../helpers/report-fixture.js';

const COMMENTED = replaceOrThrow(SMALL_AREA, 'tasks:\n', '# 牵头单位每月 25 日前汇总\ntasks:\n').replace(
  '        remark: ""\n      - id: "1.1.2"',
  '        remark: "" # 备注\n      - id: "1.1.2"',
);

function mergeInto(content: string): string {
  const root = tempLedger({ [AREA_FILE]: content });
  const { ledger } = loadLedger(root);
  const plan = planMerge(ledger, [report(reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '已对接')))]);
  applyMerge(root, plan.files);
  return readFileSync(path.join(root, AREA_FILE), 'utf8');
}

describe('applyMerge', () => {
  it('changes only the merged fields: comments, key order and everything else stay as they were', () => {
    const after = mergeInto(COMMENTED);
    const expected = replaceOrThrow(
      COMMENTED,
      '        status: 未启动\n        progress: ""\n        remark: "" # 备注\n',
      '        status: 推进中\n        progress: 市公安局：已对接\n        remark: "" # 备注\n        unit_reports:\n          市公安局:\n            month: 2020-07\n            status: 推进中\n            progress: 已对接\n',
    );
    expect(after).toBe(expected);
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const after = mergeInto(`\uFEFF${replaceOrThrow(COMMENTED, /\n/g, '\r\n')}`);
    expect(after.startsWith('\uFEFFarea: 1\r\n')).toBe(true);
    expect(after).toContain('            progress: 已对接\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
