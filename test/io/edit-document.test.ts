import { describe, expect, it } from 'vitest';
import type { FieldChange } from '../../src/core/reports/merge-plan.js';
import { editDocument } from '../../src/io/edit-document.js';
import { HAND_MADE_AREA, SMALL_AREA, replaceOrThrow } from '../helpers/ledger-fixture.js';

/** A change inside a measure: 1.1.1 (tasks[0].measures[0]) unless told. */
function change(inner: (string | number)[], after: unknown, [task, measure] = [0, 0]): FieldChange {
  return { path: ['tasks', task, 'measures', measure, ...inner], before: undefined, after };
}

const REPORT = { month: '2020-07', status: '推进中', progress: '已对接' };
const REPORT_LINES = [
  '        unit_reports:',
  '          市公安局:',
  '            month: 2020-07',
  '            status: 推进中',
  '            progress: 已对接',
];

describe('editDocument: changes through the yaml document', () => {
  it('prints again only the measures that changed: the rest of the file keeps its bytes', () => {
    const after = editDocument(HAND_MADE_AREA, 'f.yaml', [
      change(['status'], '推进中'),
      change(['progress'], '市公安局：已对接\n市审批局：已上线'),
      change(['unit_reports', '市公安局'], REPORT),
    ]);
    expect(after).toBe(
      replaceOrThrow(
        HAND_MADE_AREA,
        '        status: 未启动\n        progress: ""\n        remark: "" # 备注\n',
        [
          '        status: 推进中',
          '        progress: |-',
          '          市公安局：已对接',
          '          市审批局：已上线',
          '        remark: "" # 备注',
          ...REPORT_LINES,
          '',
        ].join('\n'),
      ),
    );
  });

  it('prints the whole document when a changed measure is not laid out as yaml prints it', () => {
    const odd = replaceOrThrow(SMALL_AREA, '        status: 未启动\n', '        status:   未启动\n');
    const after = editDocument(odd, 'f.yaml', [change(['progress'], '已对接')]);
    expect(after).toBe(replaceOrThrow(SMALL_AREA, '        progress: ""\n', '        progress: 已对接\n'));
  });

  it('prints the whole document for a change outside the measures, comments kept', () => {
    const commented = replaceOrThrow(SMALL_AREA, 'tasks:\n', '# 牵头单位每月 25 日前汇总\ntasks:\n');
    const after = editDocument(commented, 'f.yaml', [
      { path: ['tasks', 0, 'title'], before: undefined, after: '新标题' },
    ]);
    expect(after).toBe(replaceOrThrow(commented, '    title: 不断提升企业开办效率\n', '    title: 新标题\n'));
  });

  it('changes two measures in one pass and keeps CRLF line ends', () => {
    const crlf = HAND_MADE_AREA.replace(/\n/g, '\r\n');
    const after = editDocument(crlf, 'f.yaml', [change(['status'], '推进中', [1, 0]), change(['status'], '已完成')]);
    expect(after).toBe(
      replaceOrThrow(
        replaceOrThrow(HAND_MADE_AREA, '        status: 未启动\n', '        status: 已完成\n'),
        '        related_units: true\n        status: 未启动\n',
        '        related_units: true\n        status: 推进中\n',
      ).replace(/\n/g, '\r\n'),
    );
  });

  it('refuses a file yaml cannot parse, naming it', () => {
    expect(() => editDocument('tasks: [\n', 'ledger/01-x.yaml', [change(['status'], '推进中')])).toThrow(
      /ledger\/01-x\.yaml 无法解析/,
    );
  });
});
