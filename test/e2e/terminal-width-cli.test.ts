import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text-width.js';
import { REPO_ROOT } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/** The bundled ledger's tables on terminals of a given width (COLUMNS stands in for the terminal). */
const run = (args: string[], columns?: number) =>
  // The bundled 2020 plan was committed later: its 2020 days are read from the work tree.
  runCli([...args, '--worktree'], REPO_ROOT, columns === undefined ? {} : { COLUMNS: String(columns) });
const lineWidths = (text: string) => text.trimEnd().split('\n').map(displayWidth);
const tableWidths = (text: string) =>
  text
    .split('\n')
    .filter((line) => /^[┌│└]/.test(line))
    .map(displayWidth);

const COMMANDS = [
  ['status', '--as-of', '2020-07-15'],
  ['status', '--unit', '平罗县', '--as-of', '2020-07-15'],
  ['status', '--by', 'lead', '--as-of', '2020-07-15'],
  ['status', '--lead', '市审批局', '--as-of', '2020-07-15'],
  ['overdue', '--as-of', '2020-08-15'],
  ['overdue', '--within', '30', '--as-of', '2020-08-15'],
];

describe('tables fitted to the terminal width', () => {
  it.each(COMMANDS.map((args) => [args.join(' '), args] as const))('fits 100 columns: ledger %s', (_name, args) => {
    const { stdout, code } = run([...args], 100);
    expect(code).toBe(0);
    expect(Math.max(...lineWidths(stdout))).toBeLessThanOrEqual(100);
    expect(new Set(tableWidths(stdout)).size).toBe(1);
  });

  it('fits the unit view into 80 columns; wider tables stop at their minimum and stay aligned', () => {
    const unit = run(['status', '--unit', '平罗县', '--as-of', '2020-07-15'], 80).stdout;
    expect(Math.max(...lineWidths(unit))).toBeLessThanOrEqual(80);
    const overdue = run(['overdue', '--as-of', '2020-08-15'], 80).stdout;
    expect(new Set(tableWidths(overdue)).size).toBe(1);
    expect(Math.max(...tableWidths(overdue))).toBeLessThan(
      Math.max(...tableWidths(run(['overdue', '--as-of', '2020-08-15'], 100).stdout)),
    );
  });

  it('keeps the fixed layout when piped without COLUMNS', () => {
    const piped = run(['overdue', '--as-of', '2020-08-15']).stdout;
    expect(Math.max(...tableWidths(piped))).toBeGreaterThan(120);
    expect(piped).toContain('市审批局、市公安局、各县区');
  });
});
