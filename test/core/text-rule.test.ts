import { describe, expect, it } from 'vitest';
import {
  decodeOoxmlEscapes,
  MAX_TEXT_CHARS,
  textProblem,
  textRuleDiagnostics,
  xmlSafe,
} from '../../src/core/model/text-rule.js';

const at = (path: readonly (string | number)[]) => ({ file: 'f.yaml', line: path.length, col: 1 });

describe('the one text rule', () => {
  it('refuses characters XML 1.0 cannot hold, by position and code point', () => {
    expect(textProblem('进展\uFFFE')).toContain('第 3 个字符 U+FFFE');
    expect(textProblem('a\u0001')).toContain('U+0001');
    expect(textProblem('\uD800x')).toContain('U+D800');
    expect(textProblem('x\uDC00')).toContain('U+DC00');
    for (const fine of ['第一行\n第二行\r\n\t缩进', '😀 表情', '']) expect(textProblem(fine), fine).toBeUndefined();
  });

  it('limits the length of every field, except progress joined from unit reports', () => {
    expect(textProblem('长'.repeat(MAX_TEXT_CHARS))).toBeUndefined();
    expect(textProblem('长'.repeat(MAX_TEXT_CHARS + 1))).toContain(`${MAX_TEXT_CHARS + 1} 个字符`);
    const long = '长'.repeat(MAX_TEXT_CHARS + 1);
    const found = textRuleDiagnostics(
      { tasks: [{ measures: [{ progress: long, unit_reports: { 市公安局: { progress: long } } }, { remark: long }] }] },
      at,
    );
    expect(found.map((d) => d.code)).toEqual(['text/too-long', 'text/too-long']);
    expect(found[0]!.message).toContain('tasks[0].measures[0].unit_reports.市公安局.progress');
    expect(found[1]!.message).toContain('tasks[0].measures[1].remark');
  });

  it('renders defensively and decodes OOXML escapes', () => {
    expect(xmlSafe('a\uFFFEb\u0002')).toBe('a\uFFFDb\uFFFD');
    expect(decodeOoxmlEscapes('一_x000D_二_x0009_三')).toBe('一\r二\t三');
    expect(decodeOoxmlEscapes('_x005F_x000D_')).toBe('_x000D_');
  });
});
