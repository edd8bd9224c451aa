import { describe, expect, it } from 'vitest';
import { evaluateMeasure } from '../../src/core/rules/evaluate.js';
import { ConfigSchema, MeasureSchema, type Measure } from '../../src/core/model/schema.js';
import { deadlineMeaning, deadlineText, stateText } from '../../src/render/measure-state-text.js';
import { displayWidth, wrapList, wrapToWidth } from '../../src/render/terminal-style.js';
import { renderStatusText } from '../../src/commands/status/text.js';
import { rollupByArea } from '../../src/core/rules/rollup.js';
import { memoryLedger } from '../helpers/memory-ledger.js';

const CONFIG = ConfigSchema.parse({});
const state = (deadline: string, asOf: string, fields: Partial<Measure> = {}) =>
  evaluateMeasure(
    MeasureSchema.parse({ id: '1.1.1', title: '措施', text: '内容。', units: ['市审批局'], deadline, ...fields }),
    asOf,
    CONFIG,
  );

describe('terminal widths and wrapping', () => {
  it('counts CJK characters and fullwidth punctuation as two columns', () => {
    expect(displayWidth('市审批局')).toBe(8);
    expect(displayWidth('1.1.2（节点）')).toBe(13);
  });

  it('wraps Chinese between characters but keeps numbers whole', () => {
    const lines = wrapToWidth('2020年6月底、10月底前（节点 1/2：2020年6月底）', 20).split('\n');
    expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
    expect(lines.join('')).toBe('2020年6月底、10月底前（节点 1/2：2020年6月底）');
    expect(lines.some((line) => line.endsWith('202') || line.startsWith('0年'))).toBe(false);
  });

  it('breaks unit lists only between names', () => {
    expect(wrapList(['市审批局', '市公共资源交易中心', '各县区'], 20)).toBe('市审批局、\n市公共资源交易中心、\n各县区');
  });
});

describe('state texts', () => {
  it('says how late, how soon, or why there is no date', () => {
    expect(stateText(state('2020年6月底前', '2020-07-15'))).toBe('逾期 15 天');
    expect(stateText(state('2020年6月底前', '2020-08-15'))).toBe('严重逾期 46 天');
    expect(stateText(state('2020年底前', '2020-12-31'))).toBe('临期，今天到期');
    expect(stateText(state('2020年底前', '2020-06-01'))).toBe('还剩 213 天');
    expect(stateText(state('长期', '2020-06-01'))).toBe('长期');
  });

  it('shows the current milestone and an approved extension next to the written deadline', () => {
    const s = state('2020年6月底、7月底前', '2020-07-15', { milestones_met: 1 });
    expect(deadlineText('2020年6月底、7月底前', s)).toBe('2020年6月底、7月底前（节点 2/2：2020年7月底）');
    const ext = {
      requested_by: '市审批局',
      requested_in: '2020-06',
      reason: '系统改造',
      until: '2020-09-30',
      state: '已批准' as const,
    };
    const extended = state('2020年6月底前', '2020-08-15', { extensions: [ext] });
    expect(deadlineText('2020年6月底前', extended)).toBe('2020年6月底前（已批准延期至 2020-09-30）');
    expect(deadlineMeaning(extended, '2020-08-15', 30)).toContain('原定 2020-06-30，已批准延期');
  });

  it('never calls a finished measure overdue', () => {
    expect(deadlineMeaning(state('2020年6月底前', '2021-01-05', { status: '已完成' }), '2021-01-05', 30)).toBe(
      '已完成，不计逾期。',
    );
  });
});

describe('renderStatusText', () => {
  const result = () => ({
    title: '台账',
    asOf: '2020-07-15',
    dueSoonDays: 30,
    escalationDays: 30,
    problems: 1,
    version: { source: 'worktree' as const, label: '台账版本：工作区（含未提交的修改）' },
    view: 'by-area' as const,
    ...rollupByArea(memoryLedger(), '2020-07-15'),
  });

  it('has no escape codes without colour and some with it', () => {
    expect(renderStatusText(result(), { color: false })).not.toMatch(/\x1b\[/);
    expect(renderStatusText(result(), { color: true })).toMatch(/\x1b\[31/);
  });

  it('warns when files with errors were left out', () => {
    expect(renderStatusText(result(), { color: false })).toContain('台账中有 1 处错误');
  });
});
