import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempGitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA } from '../helpers/ledger-fixture.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * One clock: "today" is the run's instant in the ledger's time zone (+08:00 by default), whatever
 * the machine's zone. At 17:30 UTC it is already the next day in 石嘴山; a UTC CI runner and a
 * desk in +08:00 must give the same answers.
 */
const ZONES = ['machine', 'UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

/** The machine's own zone (TZ as the suite got it), or a named one. */
function inZone(zone: (typeof ZONES)[number]): NodeJS.ProcessEnv {
  return zone === 'machine' ? {} : { TZ: zone };
}

function done(area: string, id: string): string {
  return replaceOrThrow(area, new RegExp(`(id: "${id.replaceAll('.', '\\.')}"[\\s\\S]*?status: )未启动`), '$1已完成');
}

function statusJson(dir: string, zone: (typeof ZONES)[number], now: string, ...args: string[]) {
  const run = runCli(['status', '--format', 'json', ...args], dir, { ...inZone(zone), LEDGER_NOW: now });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { asOf: string; version: { source: string }; total: { done: number } };
}

describe('one clock: today in the ledger’s time zone, in any machine zone', () => {
  it('plain status at 17:30 UTC sees a commit made at 17:00 UTC and an uncommitted completion', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: done(SMALL_AREA, '1.1.1') });
    repo.commit('建立台账', {}, { date: '2026-12-07T17:00:00Z' });
    writeFileSync(path.join(repo.dir, AREA_FILE), done(done(SMALL_AREA, '1.1.1'), '1.1.2'));
    for (const zone of ZONES) {
      const status = statusJson(repo.dir, zone, '2026-12-07T17:30:00Z');
      expect(status.asOf).toBe('2026-12-08');
      expect(status.version.source).toBe('worktree');
      expect(status.total.done).toBe(2);
    }
  });

  it('the same instant is the same day everywhere; 15:59 UTC is still the 7th', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2026-12-06T02:00:00Z' });
    for (const zone of ZONES) expect(statusJson(repo.dir, zone, '2026-12-07T15:59:00Z').asOf).toBe('2026-12-07');
  });

  it('a report committed at 17:00 UTC on the 20th arrived on the 21st in 石嘴山: late, in every zone', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2020-07-01T02:00:00Z' });
    const late = reportYaml('市财政局', '2020-07', entry('1.2.3', '推进中', '研究中'));
    const onTime = reportYaml('市司法局', '2020-07', entry('1.2.1', '推进中', '推进中'));
    repo.commit('报送', { 'reports/2020-07/市司法局.yaml': onTime }, { date: '2020-07-20T15:00:00Z' });
    repo.commit('报送', { 'reports/2020-07/市财政局.yaml': late }, { date: '2020-07-20T17:00:00+00:00' });
    for (const zone of ZONES) {
      const run = runCli(['missing', '--month', '2020-07', '--as-of', '2020-07-31', '--format', 'json'], repo.dir, {
        ...inZone(zone),
      });
      const rows = (JSON.parse(run.stdout) as { rows: { unit: string; state: string }[] }).rows;
      expect(rows.find((r) => r.unit === '市财政局')?.state).toBe('late');
      expect(rows.find((r) => r.unit === '市司法局')?.state).toBe('on-time');
    }
  });

  it('validate at 17:30 UTC on 31 July accepts the August report: it is August in 石嘴山', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    repo.commit('建立台账', {}, { date: '2020-07-01T02:00:00Z' });
    const report = reportYaml('市财政局', '2020-08', entry('1.2.3', '推进中', '研究中'));
    repo.commit('报送', { 'reports/2020-08/市财政局.yaml': report });
    for (const zone of ZONES) {
      const run = runCli(['validate'], repo.dir, { ...inZone(zone), LEDGER_NOW: '2020-07-31T17:30:00Z' });
      expect(run.stdout).not.toContain('report/future-month');
      expect(run.code).toBe(0);
    }
    for (const zone of ZONES) {
      const before = runCli(['validate'], repo.dir, { ...inZone(zone), LEDGER_NOW: '2020-07-31T15:30:00Z' });
      expect(before.stdout).toContain('report/future-month');
    }
  });

  it('refuses a LEDGER_NOW without a zone (exit 2) rather than guessing one', () => {
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: SMALL_AREA });
    const run = runCli(['status'], repo.dir, { LEDGER_NOW: '2026-12-07 17:30' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LEDGER_NOW');
  });
});
