import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { segmentMeasures } from '../../src/core/measure-segments.js';
import { measureSummary, segmentSummary } from '../../src/core/measure-summary.js';

/** What a full parse of the segment gives: the oracle segmentSummary must agree with. */
function parsed(text: string): Record<string, unknown> {
  return measureSummary((parse(text) as Record<string, unknown>[])[0]!);
}

const STANDARD = `- id: "1.1.1"
  title: 优化企业开办线上服务
  text: 改造升级企业登记系统。
  deadline: 2020年底前
  units: [市审批局, 市公安局, 各县区]
  status: 推进中
  progress: |-
    市审批局：已完成升级。
    市公安局：status: 已完成
  remark: ""
  unit_reports:
    市审批局:
      month: 2020-07
      status: 已完成
      progress: 已完成升级。`;

describe('segmentSummary: title, units and status read off the lines', () => {
  it('reads the layout import and merge write, ignoring deeper keys and block texts', () => {
    expect(segmentSummary(STANDARD, '1.1.1')).toEqual({
      title: '优化企业开办线上服务',
      units: ['市审批局', '市公安局', '各县区'],
      status: '推进中',
      // whose report is behind a change: log credits the unit
      unit_reports: { 市审批局: '2020-07 已完成' },
    });
    expect(segmentSummary(STANDARD, '1.1.1')).toEqual(parsed(STANDARD));
  });

  it.each([
    ['quoted values', `- id: 1.2.3\n  title: "带引号的标题"\n  units: ['市审批局', "市公安局"]\n  status: '已完成'`],
    ['no status (the default 未启动)', `- id: 1.2.3\n  title: 标题\n  units: []`],
    ['CRLF line ends', `- id: 1.2.3\r\n  title: 标题\r\n  units: [市审批局]\r\n  status: 推进中\r\n`],
  ])('agrees with a full parse: %s', (_name, text) => {
    expect(segmentSummary(text, '1.2.3')).toBeDefined();
    expect(segmentSummary(text, '1.2.3')).toEqual(parsed(text));
  });

  it.each([
    ['a plain title that goes on to the next line', `- id: 1.2.3\n  title: 第一行\n    第二行\n  status: 推进中`],
    ['a title continued after a blank line', `- id: 1.2.3\n  title: 第一行\n\n    第二行\n  status: 推进中`],
    ['a folded title', `- id: 1.2.3\n  title: >-\n    折叠的标题\n  status: 推进中`],
    ['units as a block list', `- id: 1.2.3\n  title: 标题\n  units:\n    - 市审批局\n  status: 推进中`],
    ['a trailing comment', `- id: 1.2.3\n  title: 标题\n  status: 推进中 # 待核实`],
    ['a title YAML reads as a number', `- id: 1.2.3\n  title: 12345\n  status: 推进中`],
    ['an empty status (null)', `- id: 1.2.3\n  title: 标题\n  status:`],
    ['an escape in double quotes', `- id: 1.2.3\n  title: "换\\n行"\n  status: 推进中`],
    ['a duplicated key', `- id: 1.2.3\n  status: 推进中\n  status: 已完成`],
    ['a comment line among the keys', `- id: 1.2.3\n  # 备注\n  status: 推进中`],
    ['a flow list with a nested list', `- id: 1.2.3\n  units: [[市审批局], 市公安局]`],
    ['an alias', `- id: 1.2.3\n  status: *done`],
    ['an id the parser reads on, over the next line', `- id: 1.2.3\n    续行\n  status: 推进中`],
    ['a second id', `- id: 1.2.3\n  id: 1.2.4\n  status: 推进中`],
  ])('leaves %s to the parser', (_name, text) => {
    expect(segmentSummary(text, '1.2.3')).toBeUndefined();
  });

  it('refuses a segment of another measure', () => {
    expect(segmentSummary(STANDARD, '1.1.2')).toBeUndefined();
  });

  it('agrees with a full parse on every measure of the bundled ledger', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { REPO_ROOT } = await import('../helpers/ledger-fixture.js');
    const dir = `${REPO_ROOT}/ledger`;
    let read = 0;
    for (const name of readdirSync(dir).filter((n) => /^\d+-.*\.yaml$/.test(n))) {
      for (const { id, text } of segmentMeasures(readFileSync(`${dir}/${name}`, 'utf8')).segments) {
        const quick = segmentSummary(text, id);
        if (quick) read++;
        if (quick) expect(quick).toEqual(parsed(text));
      }
    }
    expect(read).toBeGreaterThan(100);
  });
});
