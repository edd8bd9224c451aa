import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempGitRepo, type GitRepo } from '../helpers/git-repo.js';
import { BUNDLED_UNITS, replaceOrThrow, SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli } from '../helpers/run-cli.js';

/** Issue 10, case 6 (and the huge one-line file of case 8): output can be neither injected nor flooded. */

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

function prRepo(): GitRepo {
  const repo = tempGitRepo();
  repo.commit('导入台账', { 'ledger/units.yaml': BUNDLED_UNITS, [AREA]: SMALL_AREA, 'reports/.gitkeep': '' });
  repo.git('checkout', '-q', '-b', 'pr');
  return repo;
}

/** Every line that GitHub would run as a workflow command is one of ours: an annotation with escaped data. */
function expectOnlyOurWorkflowCommands(output: string): void {
  for (const line of output.split('\n')) {
    if (!line.trimStart().startsWith('::')) continue;
    expect(line).toMatch(/^::(error|warning) file=[^\n]*,title=[\w/%-]+::/);
  }
}

describe('hostile text in output', { timeout: 120_000 }, () => {
  it('a unit name with a newline and ::warning never becomes a workflow command in check output', () => {
    const repo = prRepo();
    const unit = '市公安局\\n::warning file=x::pwned\\r\\n::error::x';
    repo.commit('报送', {
      'reports/2020-07/市公安局.yaml': `unit: "${unit}"\nmonth: 2020-07\nentries:\n  - id: 1.1.1\n    status: 推进中\n    progress: 已开展\n`,
    });
    for (const format of ['text', 'github', 'json', 'markdown']) {
      const run = runCli(['check', '--base', 'main', '--format', format, '--as-of', '2020-08-01'], repo.dir);
      expect(run.code, format).toBe(1);
      expectOnlyOurWorkflowCommands(run.stdout);
      expect(run.stdout).toContain('reports/2020-07/市公安局.yaml');
    }
    const text = runCli(['check', '--base', 'main', '--as-of', '2020-08-01'], repo.dir);
    expect(text.stdout).toContain('市公安局\\n::warning file=x::pwned');
  });

  it('a file name with a backtick cannot break out of the markdown code span', () => {
    const repo = prRepo();
    const name = 'reports/2020-07/a`<img src=x onerror=alert(1)>[link](http://evil.example).yaml';
    repo.commit('奇怪的文件', { [name]: 'unit: 市公安局\n' });
    const run = runCli(['check', '--base', 'main', '--format', 'markdown', '--as-of', '2020-08-01'], repo.dir);
    expect(run.code).toBe(1);
    const withoutSpans = run.stdout.replace(/(`+) [^\n]*? \1|`[^`\n]*`/g, '');
    expect(withoutSpans).toContain('\\<img');
    expect(withoutSpans).not.toMatch(/(^|[^\\])<img/m);
    expect(withoutSpans).not.toMatch(/[^\\]\]\(http/);
    expect(run.stdout).toContain('`` reports/2020-07/a`<img');
  });

  it('terminal escape sequences in progress text never reach the terminal (merge, show, status)', () => {
    const repo = prRepo();
    const evil = '已开展\\u001b]0;owned\\u0007\\u001b[2J\\u001b[31m红';
    writeFileSync(
      path.join(repo.dir, 'form.yaml'),
      `unit: 市中级人民法院\nmonth: 2020-07\nentries:\n  - id: 1.2.2\n    status: 推进中\n    progress: "${evil}"\n`,
    );
    // Issue 25: control characters are refused by the text rule, so merge writes nothing and names them.
    const merged = runCli(['merge', 'form.yaml', '--verbose', '--as-of', '2020-08-01'], repo.dir);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain('U+001B');
    // A hand-edited ledger file may still hold them: every view escapes them.
    const areaFile = path.join(repo.dir, AREA);
    writeFileSync(
      areaFile,
      replaceOrThrow(
        readFileSync(areaFile, 'utf8'),
        'units: [市中级人民法院]\n        status: 未启动\n        progress: ""',
        `units: [市中级人民法院]\n        status: 推进中\n        progress: "${evil}"`,
      ),
    );
    for (const args of [
      ['show', '1.2.2', '--worktree'],
      ['status', '--unit', '市中级人民法院', '--worktree'],
      ['validate'],
      ['overdue', '--worktree'],
    ]) {
      const run = runCli([...args, '--as-of', '2020-08-01'], repo.dir);
      expect(run.stdout + run.stderr, args.join(' ')).not.toContain('\u001b');
    }
    expect(merged.stdout).not.toContain('\u001b');
    const shown = runCli(['show', '1.2.2', '--worktree', '--as-of', '2020-08-01'], repo.dir);
    expect(shown.stdout).toContain('\\x1b[2J');
  });

  it('a huge one-line file does not produce huge output', () => {
    const line = `area: 1\ntitle: ${'长'.repeat(2_000_000)}\nlead: [市审批局]\ntasks: 3\n`;
    const dir = tempLedger({ [AREA]: line });
    for (const format of ['text', 'json', 'github']) {
      const run = runCli(['validate', '--format', format], dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(AREA);
      expect(run.stdout.length, format).toBeLessThan(20_000);
    }
  });
});
