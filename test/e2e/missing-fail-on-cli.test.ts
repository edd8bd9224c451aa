import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/** Only 1.2.3 (市财政局) of SMALL_AREA: one unit owes a report. */
const ONE_MEASURE =
  SMALL_AREA.slice(0, SMALL_AREA.indexOf('  - id: "1.1"')) +
  SMALL_AREA.slice(SMALL_AREA.indexOf('  - id: "1.2"')).replace(
    / {6}- id: "1\.2\.1"[\s\S]*?(?= {6}- id: "1\.2\.3")/,
    '',
  );

describe('ledger missing --fail-on missing', () => {
  it('exits 1 when a unit has not reported, 0 without the option', () => {
    const root = tempLedger({
      [AREA_FILE]: SMALL_AREA,
      'reports/2020-07/市财政局.yaml': reportYaml('市财政局', '2020-07', entry('1.2.3', '推进中')),
    });
    expect(runCli(['missing', '--month', '2020-07'], root).code).toBe(0);
    const failing = runCli(['missing', '--month', '2020-07', '--fail-on', 'missing'], root);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('未报 7');
  });

  it('exits 0 when every unit has reported', () => {
    const root = tempLedger({
      [AREA_FILE]: ONE_MEASURE,
      'reports/2020-07/市财政局.yaml': reportYaml('市财政局', '2020-07', entry('1.2.3', '推进中')),
    });
    const run = runCli(['missing', '--month', '2020-07', '--fail-on', 'missing'], root);
    expect(run.stdout).toContain('应报 1 个单位，已报 1，未报 0');
    expect(run.code).toBe(0);
  });

  it('refuses an unknown --fail-on value (usage error)', () => {
    expect(runCli(['missing', '--month', '2020-07', '--fail-on', 'late'], tempLedger()).code).toBe(2);
  });
});
