import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/io/load-ledger.js';
import { findMeasure } from '../../src/core/model/ledger.js';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

/** Replaces `from` with `to`, failing loudly when the fixture text is not there. */
function edit(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit found nothing to replace: ${String(from)}`);
  return next;
}

/** 1.1.1 has a bad status (salvage drops it); 1.1.2, after it, names an unknown unit. */
const BROKEN = edit(
  edit(SMALL_AREA, 'status: 未启动', 'status: 完成了'),
  'units: [市审批局, 市公安局]\n',
  'units: [市审批局, 市公按局]\n',
);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('positions survive salvage: a dropped measure never shifts the ones after it', () => {
  it('validate reports 1.1.2’s problem at 1.1.2’s own line, and 1.1.1’s at its own', () => {
    const root = tempLedger({ [AREA]: BROKEN });
    const run = runCli(['validate', '--format', 'json'], root);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; line: number }[] };
    const unknown = diagnostics.find((d) => d.code === 'unit/unknown')!;
    expect(unknown.file).toBe(AREA);
    expect(unknown.line).toBe(lineOf(BROKEN, '市公按局'));
    const status = diagnostics.find((d) => d.file === AREA && d.line === lineOf(BROKEN, '完成了'));
    expect(status).toBeDefined();
  });

  it('show 1.1.2 gives 1.1.2’s line; the loaded measure keeps its path in the file', () => {
    const root = tempLedger({ [AREA]: BROKEN });
    const ref = findMeasure(loadLedger(root).ledger, '1.1.2')!;
    expect(ref.path).toEqual(['tasks', 0, 'measures', 1]);
    expect(ref.locate(ref.path).line).toBe(lineOf(BROKEN, 'id: "1.1.2"'));
    const run = runCli(['show', '1.1.2'], root);
    expect(run.stdout).toContain(`${AREA}:${lineOf(BROKEN, 'id: "1.1.2"')}`);
  });

  it('a later task keeps its path when an earlier task is dropped', () => {
    const text = edit(SMALL_AREA, 'id: "1.1"', 'id: 一点一');
    const root = tempLedger({ [AREA]: text });
    const ref = findMeasure(loadLedger(root).ledger, '1.2.2')!;
    expect(ref.path).toEqual(['tasks', 1, 'measures', 1]);
    expect(ref.locate(ref.path).line).toBe(lineOf(text, 'id: "1.2.2"'));
  });
});
