import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/io/yaml-source.js';

const parse = (text: string) => parseYamlSource(Buffer.from(text), 'x.yaml').diagnostics;

describe('YAML errors in Chinese', () => {
  it('a tab used for indentation: one error at the tab, saying so, with the cascade counted', () => {
    const diagnostics = parse('area: 1\ntasks:\n  - id: "1.1"\n\ttitle: y\n    text: z\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml/syntax', line: 4, col: 1 });
    expect(diagnostics[0]!.message).toContain('Tab');
    expect(diagnostics[0]!.hint).toContain('空格');
    expect(diagnostics[0]!.message.replace('YAML', '')).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('each duplicate key is reported on its own line', () => {
    expect(parse('a: 1\nb: 2\na: 3\nb: 4\n').map((d) => [d.code, d.line])).toEqual([
      ['yaml/duplicate-key', 3],
      ['yaml/duplicate-key', 4],
    ]);
  });

  it('an unclosed bracket', () => {
    const [d] = parse('units: [市审批局, 市公安局\nstatus: 未启动\n');
    expect(d).toMatchObject({ code: 'yaml/syntax' });
    expect(d!.message.replace('YAML', '')).not.toMatch(/[A-Za-z]{4,}/);
  });
});
