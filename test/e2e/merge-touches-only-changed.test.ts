import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_UNITS, HAND_MADE_AREA, REPO_ROOT, replaceOrThrow } from '../helpers/ledger-fixture.js';
import { tempGitRepo } from '../helpers/git-repo.js';
import { AREA_FILE, entry, reportYaml } from '../helpers/report-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const OTHER = 'ledger/02-提升项目建设审批便利度.yaml';
// Hand-made layout in the merged file: a comment, blank lines, padded flow lists.
const AREA = HAND_MADE_AREA;

describe('ledger merge writes only the files it changes', () => {
  it('leaves other area files untouched and keeps the merged file’s comments and layout', () => {
    const other = readFileSync(path.join(REPO_ROOT, OTHER), 'utf8');
    const repo = tempGitRepo({ 'ledger/units.yaml': BUNDLED_UNITS, [AREA_FILE]: AREA, [OTHER]: other });
    repo.commit('台账', {}, { date: '2020-07-01T09:00:00+08:00' });
    repo.commit(
      '7 月报送',
      { 'reports/2020-07/市公安局.yaml': reportYaml('市公安局', '2020-07', entry('1.1.1', '推进中', '已对接')) },
      { date: '2020-07-18T10:00:00+08:00' },
    );
    const before = [OTHER, 'ledger/units.yaml'].map((file) => statSync(path.join(repo.dir, file)));
    const run = runCli(['merge', 'reports/2020-07', '--as-of', '2020-07-25'], repo.dir);
    expect(run.code).toBe(0);
    [OTHER, 'ledger/units.yaml'].forEach((file, i) => {
      const after = statSync(path.join(repo.dir, file));
      expect([after.ino, after.mtimeMs]).toEqual([before[i]!.ino, before[i]!.mtimeMs]);
    });
    expect(readFileSync(path.join(repo.dir, OTHER), 'utf8')).toBe(other);
    expect(readFileSync(path.join(repo.dir, AREA_FILE), 'utf8')).toBe(
      replaceOrThrow(
        AREA,
        '        status: 未启动\n        progress: ""\n        remark: "" # 备注\n',
        [
          '        status: 推进中',
          '        progress: 市公安局：已对接',
          '        remark: "" # 备注',
          '        unit_reports:',
          '          市公安局:',
          '            month: 2020-07',
          '            status: 推进中',
          '            progress: 已对接',
          '',
        ].join('\n'),
      ),
    );
  });
});
