import { describe, expect, it } from 'vitest';
import { merge } from '../../src/commands/merge/run.js';
import { planMerge } from '../../src/core/reports/merge-plan.js';
import { applyMerge } from '../../src/io/apply-merge.js';
import { loadLedger } from '../../src/io/load-ledger.js';
import { loadReports } from '../../src/io/load-reports.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { snapshotTree, type FileTree } from '../helpers/temp-dir.js';

const AS_OF = '2020-07-15';
const GOOD = {
  'reports/2020-07/市审批局.yaml': reportYaml('市审批局', '2020-07', entry('1.1.2', '推进中', '已优化流程')),
};
const MERGED_JUSTICE = replaceOrThrow(
  SMALL_AREA,
  '        related_units: true\n        status: 未启动\n        progress: ""\n        remark: ""\n',
  '        related_units: true\n        status: 未启动\n        progress: 市司法局：已梳理\n        remark: ""\n        unit_reports:\n          市司法局:\n            month: 2020-07\n            status: 推进中\n            progress: 已梳理\n',
);

interface Case {
  name: string;
  files: FileTree;
  paths: string[];
  code: string;
  at: [string, number, number];
}

const CASES: Case[] = [
  {
    name: 'a measure the unit is not responsible for',
    files: { 'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.2.3', '推进中')) },
    paths: ['reports/2020-07'],
    code: 'report/not-responsible',
    at: ['reports/2020-07/市公安局.yaml', 4, 9],
  },
  {
    name: 'an unknown measure id',
    files: { 'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.1.9', '推进中')) },
    paths: ['reports/2020-07'],
    code: 'report/unknown-measure',
    at: ['reports/2020-07/市公安局.yaml', 4, 9],
  },
  {
    name: 'a month in the future',
    files: { 'reports/2020-08/市公安局.yaml': reportYaml('市公安局', '2020-08', entry('1.1.1', '推进中')) },
    paths: ['reports/2020-08', 'reports/2020-07'],
    code: 'report/future-month',
    at: ['reports/2020-08/市公安局.yaml', 2, 8],
  },
  {
    name: 'a stale month',
    files: {
      [AREA_FILE]: MERGED_JUSTICE,
      'reports/2020-06/市司法局.yaml': reportYaml('市司法局', '2020-06', entry('1.2.1', '推进中', '旧')),
    },
    paths: ['reports/2020-06', 'reports/2020-07'],
    code: 'report/stale',
    at: ['reports/2020-06/市司法局.yaml', 2, 8],
  },
  {
    name: 'two reports of one unit for one month',
    files: {
      'inbox/公安局.yaml': reportYaml('公安局', '2020-07', entry('1.1.1', '推进中')),
      'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.1.1', '已完成')),
    },
    paths: ['reports/2020-07', 'inbox/公安局.yaml'],
    code: 'report/duplicate',
    at: ['inbox/公安局.yaml', 1, 7],
  },
  {
    name: 'a unit name that escapes the folder',
    files: { 'inbox/x.yaml': reportYaml('../../ledger/01', '2020-07', entry('1.1.1', '推进中')) },
    paths: ['reports/2020-07', 'inbox/x.yaml'],
    code: 'report/path-escape',
    at: ['inbox/x.yaml', 1, 7],
  },
  {
    name: 'a stray file in the month folder',
    files: { 'reports/2020-07/说明.txt': '请各单位按时报送' },
    paths: ['reports/2020-07'],
    code: 'report/stray-file',
    at: ['reports/2020-07/说明.txt', 0, 0],
  },
  {
    name: 'a file named after no unit',
    files: { 'reports/2020-07/公按局.yaml': reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中')) },
    paths: ['reports/2020-07'],
    code: 'report/stray-file',
    at: ['reports/2020-07/公按局.yaml', 0, 0],
  },
  {
    name: 'a report in the wrong month folder',
    files: { 'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-06', entry('1.1.1', '推进中')) },
    paths: ['reports/2020-07'],
    code: 'report/wrong-path',
    at: ['reports/2020-07/市公安局.yaml', 1, 7],
  },
  {
    name: 'a status outside the vocabulary',
    files: { 'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.1.1', '进行中')) },
    paths: ['reports/2020-07'],
    code: 'schema/invalid-value',
    at: ['reports/2020-07/市公安局.yaml', 5, 13],
  },
];

describe('ledger merge with a bad report', () => {
  for (const c of CASES) {
    it(`refuses ${c.name} and leaves every file byte-identical`, async () => {
      const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD, ...c.files });
      const before = snapshotTree(root);
      const result = await merge({ root, paths: c.paths, asOf: AS_OF });
      const found = result.diagnostics.find((d) => d.code === c.code);
      expect(found, JSON.stringify(result.diagnostics)).toBeDefined();
      expect([found!.file, found!.line, found!.col]).toEqual(c.at);
      expect(found!.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(found!.hint).toBeTruthy();
      expect(result.written).toEqual([]);
      expect(snapshotTree(root)).toEqual(before);
    });
  }

  it('merges the good report alone (the cases above fail only because of their bad file)', async () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD });
    const result = await merge({ root, paths: ['reports/2020-07'], asOf: AS_OF });
    expect(result.diagnostics).toEqual([]);
    expect(result.written).toEqual([AREA_FILE]);
  });

  it('leaves the ledger untouched when a write fails midway', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA, ...GOOD, blocked: 'a file where a folder is needed' });
    const { ledger } = loadLedger(root);
    const plan = planMerge(ledger, loadReports(root, ledger).reports);
    expect(plan.files).toHaveLength(1);
    const before = snapshotTree(root);
    expect(() => applyMerge(root, plan.files, [{ file: 'blocked/2020-07/市审批局.yaml', content: 'x' }])).toThrow(
      /写入失败/,
    );
    expect(snapshotTree(root)).toEqual(before);
  });
});

describe('ledger merge of the whole reports folder', () => {
  it('takes every month, the latest per unit, and is a no-op the second time', async () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/README.md': '# 报送文件夹',
      'reports/2020-06/.gitkeep': '',
      'reports/2020-06/市财政局.yaml': reportYaml('市财政局', '2020-06', entry('1.2.3', '推进中', '六月')),
      'reports/2020-07/市财政局.yaml': reportYaml(
        '市财政局',
        '2020-07',
        entry('1.2.3', '已完成', '七月', 'completed_on: 2020.7.9'),
      ),
    });
    const first = await merge({ root, paths: ['reports'], asOf: AS_OF });
    expect(first.diagnostics).toEqual([]);
    expect(first.plan.measures).toEqual([
      expect.objectContaining({
        id: '1.2.3',
        fields: expect.arrayContaining([{ field: 'status', before: '未启动', after: '已完成' }]),
      }),
    ]);
    const again = await merge({ root, paths: ['reports'], asOf: AS_OF });
    expect(again.plan.measures).toEqual([]);
    expect(again.written).toEqual([]);
  });
});
