import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';
import { snapshotTree, tempDir } from '../helpers/temp-dir.js';

/** Issue 25, items 1 and 7: unit names that are paths, and units that only look alike. */

const UNITS = 'ledger/units.yaml';

/** The bundled registry with one more unit (written as YAML double-quoted text, so escapes work). */
function withUnit(name: string, extra = ''): string {
  return `${BUNDLED_UNITS}  - name: "${name}"\n${extra}`;
}

/** SMALL_AREA with measure 1.1.2 (due 2020-06-30) given to `unit` as well. */
function areaFor(unit: string): string {
  return replaceOrThrow(SMALL_AREA, '        units: [市审批局, 市公安局]\n', `        units: [市审批局, "${unit}"]\n`);
}

describe('unit names that are paths', { timeout: 120_000 }, () => {
  it('a unit name holding / and .. is refused by validate, showing the character', () => {
    const root = tempLedger({ [UNITS]: withUnit('市X/../../../pwn'), [AREA_FILE]: areaFor('市X/../../../pwn') });
    const run = runCli(['validate'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(UNITS);
    expect(run.stdout).toContain('units/bad-name');
    expect(run.stdout).toContain('U+002F');
  });

  it('notice --format docx never writes outside its folder, whatever the unit is called', () => {
    const root = tempLedger({ [UNITS]: withUnit('市X/../../../pwn'), [AREA_FILE]: areaFor('市X/../../../pwn') });
    const outer = tempDir();
    const out = path.join(outer, 'a', 'b', 'c', 'dir');
    const run = runCli(['notice', '--as-of', '2020-08-25', '--format', 'docx', '--out', out], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(UNITS);
    expect(readdirSync(outer)).toEqual([]);
  });

  it('a unit named index has its own page and never replaces the list of units', () => {
    const root = tempLedger({ [UNITS]: withUnit('index'), [AREA_FILE]: areaFor('index') });
    expect(runCli(['validate'], root).code).toBe(0);
    const out = path.join(tempDir(), 'site');
    const run = runCli(['site', '--as-of', '2020-08-25', '--out', out], root);
    expect(run.code, run.stderr).toBe(0);
    const list = readFileSync(path.join(out, 'units/index.html'), 'utf8');
    expect(list).toContain('市审批局');
    const own = readdirSync(path.join(out, 'units')).filter((name) => /^index~[0-9a-f]{8}\.html$/.test(name));
    expect(own).toHaveLength(1);
    expect(list).toContain(own[0]);
  });
});

describe('look-alike units', { timeout: 120_000 }, () => {
  for (const [label, name, shown] of [
    ['a zero-width space', '市人社局\\u200B', 'U+200B'],
    ['a trailing invisible separator', '市人社局\\u180E', 'U+180E'],
    ['the compatibility ideograph U+FA4C', '市人\\uFA4C局', 'U+FA4C'],
  ] as const) {
    it(`${label} makes no second 市人社局`, () => {
      const root = tempLedger({ [UNITS]: withUnit(name) });
      const run = runCli(['validate'], root);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(UNITS);
      expect(run.stdout).toContain('units/duplicate');
      expect(run.stdout).toContain('看起来与 市人社局');
      expect(run.stdout).toContain(shown);
    });
  }

  it('a look-alike in the ledger or in a report is named by its odd character, not shown as the right name', () => {
    const report = 'reports/2020-07/x.yaml';
    const root = tempLedger({
      [AREA_FILE]: areaFor('市人社局\\u200B'),
      [report]: reportYaml('"市公安局\\u200B"', '2020-07', entry('1.1.1', '推进中', '已开展')),
    });
    const validate = runCli(['validate'], root);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('unit/look-alike');
    expect(validate.stdout).toMatch(/看起来与登记的 市人社局 一样，但含有 U\+200B/);
    const before = snapshotTree(root);
    const merge = runCli(['merge', report], root);
    expect(merge.code).toBe(1);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('a look-alike --unit is refused with the character named', () => {
    const root = tempLedger({ [AREA_FILE]: SMALL_AREA });
    const run = runCli(['status', '--unit', '市公安局\u200B'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('U+200B');
    expect(run.stderr).toContain('--unit 市公安局');
  });

  it('an alias 税务局 on 市公安局 cannot take 市税务局’s shorthand', () => {
    const units = replaceOrThrow(
      BUNDLED_UNITS,
      '  - name: 市公安局\n    full_name: 石嘴山市公安局\n',
      '  - name: 市公安局\n    full_name: 石嘴山市公安局\n    aliases: [税务局]\n',
    );
    const root = tempLedger({ [UNITS]: units, [AREA_FILE]: SMALL_AREA });
    const run = runCli(['validate'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(UNITS);
    expect(run.stdout).toContain('units/alias-shadows');
    expect(run.stdout).toContain('市税务局');
  });
});
