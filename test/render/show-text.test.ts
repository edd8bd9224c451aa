import { describe, expect, it } from 'vitest';
import { show } from '../../src/commands/show/run.js';
import { renderShowText } from '../../src/commands/show/text.js';
import { displayWidth } from '../../src/render/text-width.js';
import { SMALL_AREA, tempLedger, replaceOrThrow } from '../helpers/ledger-fixture.js';

const LONG_TEXT =
  '改造升级企业登记系统，将企业开办涉及到的营业执照办理、印章刻制、银行开户、申领发票和税控设备、职工参保登记、用工信息登记等全部办理事项实现一网通办。';
const AREA = replaceOrThrow(SMALL_AREA, 'text: 改造升级企业登记系统。', `text: ${LONG_TEXT}`).replace(
  `units: [市审批局, 市公安局, 各县区]
        status: 未启动
        progress: ""`,
  `units: [市审批局, 市公安局, 各县区]
        status: 推进中
        progress: |
          市审批局：企业登记系统已完成升级。
          市公安局：印章刻制已接入一网通办。`,
);

async function rendered(width?: number): Promise<string> {
  const result = await show({
    root: tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': AREA }),
    asOf: '2020-07-15',
    id: '1.1.1',
  });
  return renderShowText(result, { color: false, width });
}

/** The lines of one labelled field: its first line and the indented lines after it. */
function field(text: string, label: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${label}：`));
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^ {2}\S/.test(line));
  return [lines[start]!, ...rest.slice(0, end < 0 ? undefined : end)];
}

describe('renderShowText', () => {
  it('indents the second and later lines of a multi-line progress under the text', async () => {
    const lines = field(await rendered(), '工作完成情况');
    expect(lines).toEqual([
      '  工作完成情况：市审批局：企业登记系统已完成升级。',
      `${' '.repeat(16)}市公安局：印章刻制已接入一网通办。`,
    ]);
  });

  it.each([60, 80])('wraps long texts to %i columns with a hanging indent', async (width) => {
    const text = await rendered(width);
    expect(Math.max(...text.trimEnd().split('\n').map(displayWidth))).toBeLessThanOrEqual(width);
    const lines = field(text, '具体措施');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.startsWith(' '.repeat(12)) && line[12] !== ' ')).toBe(true);
    expect(lines.map((line) => line.trim()).join('')).toBe(`具体措施：${LONG_TEXT}`);
  });

  it('starts the text on the next line when the label leaves too little room', async () => {
    const lines = field(await rendered(30), '工作完成情况');
    expect(lines[0]).toBe('  工作完成情况：');
    expect(lines.slice(1).every((line) => line.startsWith('      ') && displayWidth(line) <= 30)).toBe(true);
  });
});
