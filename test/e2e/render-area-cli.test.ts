import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const SECOND_AREA = `area: 5
title: 推进纳税服务便利化
lead: [市税务局]
tasks:
  - id: "5.1"
    title: 压减纳税时间
    text: 压减纳税时间。
    measures:
      - id: "5.1.1"
        title: 推行电子税务局
        text: 推行电子税务局。
        deadline: 2020年底前
        units: [市税务局]
        status: 未启动
        progress: ""
        remark: ""
`;

const ledger = () =>
  tempLedger({ 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA, 'ledger/05-推进纳税服务便利化.yaml': SECOND_AREA });

describe('ledger render --area: a number or a word from the title, as ledger overdue --area', () => {
  it.each(['5', '税', '纳税'])('exports area 5 for --area %s', (area) => {
    const run = runCli(['render', '--format', 'md', '--out', '-', '--as-of', '2020-07-25', '--area', area], ledger());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('推行电子税务局');
    expect(run.stdout).not.toContain('优化企业开办线上服务');
  });

  it.each(['99', '化', '不动产'])('rejects --area %s with the same message as overdue', (area) => {
    const dir = ledger();
    const rendered = runCli(['render', '--format', 'md', '--out', '-', '--area', area], dir);
    const overdue = runCli(['overdue', '--area', area], dir);
    expect(rendered.code).toBe(2);
    expect(rendered.stdout).toBe('');
    expect(rendered.stderr).toContain(`--area “${area}”`);
    expect(rendered.stderr).toBe(overdue.stderr);
  });
});
