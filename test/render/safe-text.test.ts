import { describe, expect, it } from 'vitest';
import { codeSpan, escapeInline } from '../../src/render/markdown.js';
import { safeExcerpt, safeMessage, safeText, terminalSafe } from '../../src/render/safe-text.js';

describe('safeText', () => {
  it('shows control characters escaped, so a value never starts a new line', () => {
    expect(safeText('市公安局\n::warning file=x::pwned')).toBe('市公安局\\n::warning file=x::pwned');
    expect(safeText('a\r\tb\u0000c\u001b[2Jd\u009be\u2028f\u202eg')).toBe(
      'a\\r\\tb\\x00c\\x1b[2Jd\\x9be\\u2028f\\u202eg',
    );
  });

  it('keeps line breaks in multi-line text but never a line that starts a workflow command', () => {
    expect(safeText('第一行\n  ::error::x\n第三行\u001b]0;t\u0007', { multiline: true })).toBe(
      '第一行\n  \\::error::x\n第三行\\x1b]0;t\\x07',
    );
  });

  it('cuts long values and says how long they were', () => {
    expect(safeText('长'.repeat(200), { max: 120 })).toBe(`${'长'.repeat(120)}…（共 200 字）`);
    expect(safeText('短', { max: 120 })).toBe('短');
  });

  it('cuts every quoted value in a message and the message as a whole', () => {
    const message = safeMessage(`责任部门“${'x'.repeat(5000)}”不在单位名录中；实际是字符串 "${'y'.repeat(300)}"`);
    expect(message).toBe(
      `责任部门“${'x'.repeat(120)}…（共 5000 字）”不在单位名录中；实际是字符串 "${'y'.repeat(120)}…（共 300 字）"`,
    );
    expect([...safeMessage('z'.repeat(10_000))].length).toBeLessThan(700);
  });

  it('shows a window of a huge line around the column, with the caret text before it', () => {
    const line = `${'a'.repeat(50_000)}X${'b'.repeat(50_000)}`;
    const shown = safeExcerpt(line, 50_001);
    expect([...shown.text].length).toBeLessThan(150);
    expect(shown.text).toContain('X');
    expect(shown.text.startsWith('…')).toBe(true);
    expect(shown.text).toContain('（该行共 100001 字）');
    expect(shown.text.slice(shown.before.length).startsWith('X')).toBe(true);
  });

  it('lets colours through to the terminal, and nothing else', () => {
    expect(terminalSafe('\u001b[31m红\u001b[39m \u001b]0;title\u0007 \u001b[2J\r\n')).toBe(
      '\u001b[31m红\u001b[39m \\x1b]0;title\\x07 \\x1b[2J\\r\n',
    );
  });
});

describe('markdown', () => {
  it('a backtick in a file name cannot close the code span', () => {
    const span = codeSpan('reports/a`<img src=x onerror=alert(1)>.yaml');
    expect(span).toBe('`` reports/a`<img src=x onerror=alert(1)>.yaml ``');
    expect(codeSpan('plain.yaml')).toBe('`plain.yaml`');
  });

  it('inline text has no HTML and no control characters', () => {
    expect(escapeInline('<b>x</b>\u001b[2J')).toBe('\\<b\\>x\\</b\\>\\\\x1b\\[2J');
  });
});
