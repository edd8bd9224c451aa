import { describe, expect, it } from 'vitest';
import { inlineDeadline, readWrittenDeadline } from '../../../src/core/plan/inline-deadline.js';
import { trailingUnits } from '../../../src/core/plan/unit-parenthesis.js';

describe('trailingUnits', () => {
  it.each([
    [
      '推进改革。（牵头单位：区政府办公室、区司法局；责任单位：区政府有关部门）',
      { text: '推进改革。', leads: '区政府办公室、区司法局', units: '区政府有关部门', separately: false },
    ],
    [
      '推进改革〔牵头单位:区住建局,责任单位:区自然资源局、区审批局〕。',
      { text: '推进改革', leads: '区住建局', units: '区自然资源局、区审批局', separately: false },
    ],
    [
      '推进改革（市政府办公室牵头，市级各有关部门按职责分工负责）',
      { text: '推进改革', leads: '市政府办公室', units: '市级各有关部门', separately: false },
    ],
    ['持续深化商事制度改革(市审批局牵头)', { text: '持续深化商事制度改革', leads: '市审批局', separately: false }],
    [
      '深化改革(市公共资源交易中心、发改委分别牵头',
      { text: '深化改革', leads: '市公共资源交易中心、发改委', separately: true },
    ],
    [
      '开展评价。（责任单位：各镇（街道）；完成时限：2021年底前）',
      { text: '开展评价。', units: '各镇（街道）', deadline: '2021年底前', separately: false },
    ],
    ['推广电子发票（区税务局负责）', { text: '推广电子发票', units: '区税务局', separately: false }],
  ])('%s', (line, expected) => {
    expect(trailingUnits(line)).toEqual(expected);
  });

  it('leaves a parenthesis that names no units', () => {
    expect(trailingUnits('推行“一网通办”（含移动端）')).toBeUndefined();
    expect(trailingUnits('没有括号的条目。')).toBeUndefined();
  });
});

describe('deadlines written inline', () => {
  it.each([
    ['6月底完成系统改造', 2020, '2020年6月底前'],
    ['2022年10月底前完成', 2020, '2022年10月底前'],
    ['年底前实现全覆盖', 2021, '2021年底前'],
    ['6月底前完成方案，10月底前全面推开', 2020, '2020年6月底、10月底前'],
    ['2021年完成改造', undefined, '2021年底前'],
    ['长期坚持', 2020, '长期'],
    ['持续推进', 2020, '长期'],
    ['根据上级部署适时推进', 2020, '适时'],
    ['今年6月底前完成，长期坚持', 2020, '2020年6月底前'],
  ])('%s (plan year %s) → %s', (text, year, deadline) => {
    expect(inlineDeadline(text, year)).toEqual({ deadline });
  });

  it('a deadline without its year needs the plan year; a sentence without one has none', () => {
    expect(inlineDeadline('6月底完成', undefined)).toEqual({ problem: 'no-year' });
    expect(inlineDeadline('优化流程，压缩时间', 2020)).toEqual({ problem: 'none' });
  });

  it('a written cell keeps the document form, repairs scars, and reads short forms with the plan year', () => {
    expect(readWrittenDeadline('20206月底前', undefined)).toEqual({ deadline: '2020年6月底前' });
    expect(readWrittenDeadline('2020年底', undefined)).toEqual({ deadline: '2020年底前' });
    expect(readWrittenDeadline('9月底', 2021)).toEqual({ deadline: '2021年9月底前' });
    expect(readWrittenDeadline('尽快', 2021)).toEqual({ problem: 'unreadable' });
  });
});
