import { tempGitRepo, type GitRepo } from './git-repo.js';
import { BUNDLED_UNITS, SMALL_AREA, replaceOrThrow } from './ledger-fixture.js';
import { entry, reportYaml } from './report-fixture.js';
import { runCli } from './run-cli.js';

/** Issue 10 and 23: a merge that writes five files, and the same merge killed midway. */

/** Area n: SMALL_AREA renumbered, so that one merge can touch several files. */
export function area(n: number): string {
  return replaceOrThrow(SMALL_AREA, 'area: 1', `area: ${n}`).replaceAll('id: "1.', `id: "${n}.`);
}

export const AREAS = [1, 2, 3, 4, 5].map((n) => ({ file: `ledger/0${n}-指标${n}.yaml`, text: area(n) }));

export const MERGE = ['merge', 'reports/2020-07', '--as-of', '2020-08-25'];

/** A committed ledger of five areas with a July report touching each. */
export function ledgerWithReports(): GitRepo {
  const repo = tempGitRepo({
    'ledger/units.yaml': BUNDLED_UNITS,
    ...Object.fromEntries(AREAS.map((a) => [a.file, a.text])),
    'reports/2020-07/市审批局.yaml': reportYaml(
      '市审批局',
      '2020-07',
      AREAS.map((_, i) => entry(`${i + 1}.1.2`, '推进中', `第 ${i + 1} 项进展`)).join(''),
    ),
  });
  repo.commit('台账');
  return repo;
}

/** The merge killed with SIGKILL after `renames` of its five renames: the journal is left for the next command. */
export function crashMerge(repo: GitRepo, renames: number): number {
  return runCli(MERGE, repo.dir, { LEDGER_TEST_CRASH_AFTER_RENAME: String(renames) }).code;
}
