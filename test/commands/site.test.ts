import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_AREA, tempLedger } from '../helpers/ledger-fixture.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { runCliBatch } from '../helpers/run-cli-batch.js';
import { snapshotTree } from '../helpers/temp-dir.js';
import { siteRepo } from '../helpers/site-fixture.js';

const AREA = 'ledger/01-持续深化商事制度改革.yaml';

describe('ledger site: the output folder', () => {
  it('writes every page into --out and nothing else into the repository', () => {
    const root = tempLedger();
    const before = snapshotTree(root);
    const run = runCli(['site', '--out', 'public', '--as-of', '2020-07-01'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 项具体措施');
    const after = snapshotTree(root);
    const outside = Object.keys(after).filter((file) => !file.startsWith('public/'));
    expect(outside).toEqual(Object.keys(before));
    const pages = Object.keys(after).filter((file) => file.startsWith('public/'));
    expect(pages).toEqual(
      expect.arrayContaining([
        'public/.ledger-site',
        'public/index.html',
        'public/overdue.html',
        'public/reporting.html',
        'public/search.html',
        'public/areas/1.html',
        'public/leads/市审批局.html',
        'public/units/平罗县.html',
        'public/measures/1.1.2.html',
        'public/assets/site.css',
        'public/assets/site.js',
      ]),
    );
    expect(pages.some((file) => file.includes('staging') || file.includes('-old-'))).toBe(false);
    const measure = readFileSync(path.join(root, 'public/measures/1.1.2.html'), 'utf8');
    expect(measure).toContain('台账不在 Git 仓库中');
    expect(measure).toContain('应于 2020-06-30');
  }, 120_000);

  it('every link inside the site leads to a page that exists; nothing refers outside it', () => {
    const root = tempLedger();
    expect(runCli(['site', '--as-of', '2020-07-01'], root).code).toBe(0);
    const site = path.join(root, 'site');
    const pages = Object.keys(snapshotTree(site)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(15);
    let links = 0;
    for (const page of pages) {
      const html = readFileSync(path.join(site, page), 'utf8');
      expect(html, page).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
      for (const [, href] of html.matchAll(/\b(?:href|src|action)="([^"#]+)/g)) {
        const target = path.resolve(
          path.dirname(path.join(site, page)),
          decodeURIComponent(href!.replace(/\?.*$/, '')),
        );
        expect(existsSync(target), `${page} → ${href}`).toBe(true);
        expect(target.startsWith(site + path.sep), `${page} → ${href}`).toBe(true);
        links += 1;
      }
    }
    expect(links).toBeGreaterThan(200);
    expect(existsSync(path.join(site, 'units/各县区.html'))).toBe(true);
  }, 120_000);

  it('refuses an existing folder it did not make, unless --force, and then keeps the other files', () => {
    const root = tempLedger();
    mkdirSync(path.join(root, 'docs'));
    writeFileSync(path.join(root, 'docs/手册.md'), '# 手册\n');
    const before = snapshotTree(root);
    const refused = runCli(['site', '--out', 'docs'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('不是 ledger site 生成的');
    expect(refused.stderr).toContain('--force');
    expect(snapshotTree(root)).toEqual(before);
    const forced = runCli(['site', '--out', 'docs', '--force', '--as-of', '2020-07-01'], root);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(root, 'docs/手册.md'), 'utf8')).toBe('# 手册\n');
    expect(existsSync(path.join(root, 'docs/index.html'))).toBe(true);
    // Now marked: a rebuild needs no --force.
    expect(runCli(['site', '--out', 'docs', '--as-of', '2020-07-01'], root).code).toBe(0);
  }, 120_000);

  it('refuses to write over the repository or into ledger/ and reports/', () => {
    const root = tempLedger();
    const before = snapshotTree(root);
    for (const out of ['.', '..', 'ledger/site', 'reports']) {
      const run = runCli(['site', '--out', out, '--force'], root);
      expect(run.code, out).toBe(2);
      expect(run.stderr, out).toMatch(/拒绝写入 --out .*(台账仓库|ledger\/|reports\/)/);
    }
    expect(snapshotTree(root)).toEqual(before);
  }, 120_000);

  it('a rebuild replaces the previous one: pages of measures that are gone disappear, the same ledger gives the same bytes', () => {
    const root = tempLedger();
    expect(runCli(['site', '--as-of', '2020-07-01'], root).code).toBe(0);
    const first = readFileSync(path.join(root, 'site/index.html'), 'utf8');
    expect(runCli(['site', '--as-of', '2020-07-01'], root).code).toBe(0);
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toBe(first);
    const without = SMALL_AREA.replace(/ {6}- id: "1\.2\.3"[\s\S]*$/, '');
    writeFileSync(path.join(root, AREA), without);
    expect(runCli(['site', '--as-of', '2020-07-01'], root).code).toBe(0);
    expect(readdirSync(path.join(root, 'site/measures')).sort()).toEqual([
      '1.1.1.html',
      '1.1.2.html',
      '1.2.1.html',
      '1.2.2.html',
    ]);
  }, 120_000);

  it('writes nothing for a ledger with errors', () => {
    const root = tempLedger({ [AREA]: SMALL_AREA.replace('units: [市财政局]', 'units: [市财政厅局]') });
    const run = runCli(['site'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('未生成网站');
    expect(existsSync(path.join(root, 'site'))).toBe(false);
  }, 120_000);

  it('--format json describes the build; --repo-url must be http(s)', () => {
    const root = tempLedger();
    const run = runCli(['site', '--format', 'json', '--as-of', '2020-07-01'], root);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { measures: number; history: boolean; total: { overdue: number } };
    expect(json.measures).toBe(5);
    expect(json.history).toBe(false);
    expect(json.total.overdue).toBe(2); // 1.1.2 (2020年6月底前) and 1.2.1's first milestone
    const bad = runCli(['site', '--repo-url', 'javascript:alert(1)'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--repo-url 必须是 http:// 或 https:// 开头的网址');
  }, 120_000);

  it('--as-of a past day shows the ledger as committed by then, and names the version in every page', async () => {
    const root = siteRepo().dir;
    // Three builds of the bundled ledger, one after the other in one process (runCliBatch).
    const [july, august, worktree] = (await runCliBatch(
      [
        { args: ['site', '--format', 'json', '--as-of', '2020-07-20', '--out', 'july'] },
        { args: ['site', '--as-of', '2020-08-01', '--out', 'august'] },
        { args: ['site', '--as-of', '2020-07-20', '--worktree', '--out', 'wt'] },
      ],
      root,
    )) as [CliRun, CliRun, CliRun];
    expect(july.stderr).toBe('');
    expect((JSON.parse(july.stdout) as { ledger_version: string }).ledger_version).toMatch(
      /^台账版本：2020-06-01 提交 [0-9a-f]{7}（导入台账/,
    );
    const before = readFileSync(path.join(root, 'july/measures/1.1.2.html'), 'utf8');
    expect(before).not.toContain('一窗一表单.pdf');
    expect(before).toContain('台账版本：2020-06-01');
    expect(august.stdout).toMatch(/台账版本：2020-07-25 提交 [0-9a-f]{7}（合并 2020-07 报送/);
    expect(readFileSync(path.join(root, 'august/measures/1.1.2.html'), 'utf8')).toContain('一窗一表单.pdf');
    expect(worktree.stdout).toContain('台账版本：工作区');
    expect(readFileSync(path.join(root, 'wt/measures/1.1.2.html'), 'utf8')).toContain('一窗一表单.pdf');
  }, 120_000);

  it('draws the trend month by month from Git history and compares with the month before (较上月)', () => {
    const root = siteRepo().dir;
    const run = runCli(['site', '--format', 'json', '--as-of', '2020-12-01'], root);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { trend_months: string[]; history: boolean };
    expect(json.history).toBe(true);
    expect(json.trend_months).toEqual(['2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11']);
    const index = readFileSync(path.join(root, 'site/index.html'), 'utf8');
    for (const month of ['2020年6月', '2020年11月', '2020年12月']) expect(index).toContain(`>${month}</text>`);
    // 1.1.2 went 未启动 → 推进中 in July: one measure 推进中 at the end of November and on 2020-12-01.
    expect(index).toMatch(/推进中<\/div><div class="value">1<\/div><span class="delta">较上月 持平<\/span>/);
    expect(index).toContain('数据来自 Git 历史');
  }, 120_000);
});
