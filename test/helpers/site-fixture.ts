import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempGitRepo, type GitRepo } from './git-repo.js';
import { REPO_ROOT } from './ledger-fixture.js';

export const AREA_1 = 'ledger/01-持续深化商事制度改革.yaml';

/** What an injected progress text would do if it ran: set a flag the browser test checks. */
export const INJECTED =
  '<script>window.__injected = true</script><img src=x onerror="window.__injected = true">已完成线下一窗一表单';

/** The bundled ledger's files. */
export function bundledLedgerFiles(): Record<string, string> {
  const dir = path.join(REPO_ROOT, 'ledger');
  return Object.fromEntries(
    readdirSync(dir).map((name) => [`ledger/${name}`, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/**
 * A real Git repository holding the bundled ledger, imported on 2020-06-01 by 王芳; on 2020-07-25
 * 李明 merges a report of 市审批局 on 1.1.2 whose progress text carries a script, and evidence
 * that is a `javascript:` link, an https URL and a repository path.
 */
export function siteRepo(): GitRepo {
  const files = bundledLedgerFiles();
  const repo = tempGitRepo();
  repo.commit('导入台账（ledger import）', files, {
    date: '2020-06-01T09:00:00+08:00',
    author: { name: '王芳', email: 'w@example.com' },
  });
  const report = [
    '        status: 推进中',
    `        progress: ${JSON.stringify(`市审批局：${INJECTED}`)}`,
    '        remark: ""',
    '        unit_reports:',
    '          市审批局:',
    '            month: 2020-07',
    '            status: 推进中',
    `            progress: ${JSON.stringify(INJECTED)}`,
    '            evidence:',
    '              - "javascript:window.__injected = true"',
    '              - https://example.gov.cn/文件/一窗一表单.pdf',
    '              - reports/2020-07/佐证/一窗一表单.pdf',
  ].join('\n');
  const changed = files[AREA_1]!.replace(
    /(- id: 1\.1\.2\n(?:.*\n)*?) {8}status: 未启动\n {8}progress: ""\n {8}remark: ""/,
    `$1${report}`,
  );
  if (changed === files[AREA_1]) throw new Error('fixture: 1.1.2 not found');
  repo.commit(
    '合并 2020-07 报送（ledger merge）',
    { [AREA_1]: changed },
    {
      date: '2020-07-25T10:00:00+08:00',
      author: { name: '李明', email: 'l@example.com' },
    },
  );
  return repo;
}
