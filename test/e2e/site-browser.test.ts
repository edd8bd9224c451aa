import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadLedger } from '../../src/io/load-ledger.js';
import { rollupByArea } from '../../src/core/rules/rollup.js';
import { runCli } from '../helpers/run-cli.js';
import { siteRepo } from '../helpers/site-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const AS_OF = '2020-12-01';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`跳过 ledger site 的浏览器测试：找不到 ${CHROMIUM}（.ci/run 会安装 chromium）`);

describe.skipIf(!hasChromium)('ledger site in headless Chromium', () => {
  let browser: Browser;
  let site: string;
  let expectedLights: string[][];
  const outside: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // The repository is removed after the first test (tempDir); the site lives in its own folder.
    const root = siteRepo().dir;
    site = path.join(mkdtempSync(path.join(os.tmpdir(), 'ledger-site-test-')), 'site');
    expectedLights = rollupByArea(loadLedger(root).ledger, AS_OF).rows.map((r) => [String(r.area), r.light]);
    const run = runCli(['site', '--out', site, '--as-of', AS_OF], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ].concat(['--disable-component-update', '--disable-sync']),
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (site) rmSync(path.dirname(site), { recursive: true, force: true });
  });

  /** A page that records every request leaving file://, console errors and uncaught errors. */
  async function open(relative: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 800 },
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) outside.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${relative}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${relative}: ${error.message}`));
    await page.goto(pathToFileURL(path.join(site, relative)).href);
    return page;
  }

  it('总览 shows all 14 areas with the lights ledger status computes, as words', async () => {
    const page = await open('index.html');
    const rows = page.locator('table.areas-table tbody tr[data-area]');
    await expect.poll(() => rows.count()).toBe(14);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-area'), tr.querySelector('.light')?.textContent?.trim()]),
    );
    expect(shown).toEqual(expectedLights);
    expect(new Set(shown.map(([, light]) => light))).toEqual(new Set(['红', '黄']));
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await page.context().close();
  }, 90_000);

  it('works without JavaScript: the 总览 and the full search list are plain HTML', async () => {
    const page = await open('index.html', { javaScriptEnabled: false });
    expect(await page.locator('table.areas-table tbody tr[data-area]').count()).toBe(14);
    await page.goto(pathToFileURL(path.join(site, 'search.html')).href);
    expect(await page.locator('#search-table tbody tr').count()).toBe(179);
    await page.context().close();
  }, 90_000);

  it('a measure page shows its Git history (date, who, what changed) and evidence links only for safe targets', async () => {
    const page = await open('measures/1.1.2.html');
    const entries = page.locator('.history-entry');
    expect(await entries.count()).toBe(2);
    const newest = await entries.nth(0).innerText();
    expect(newest).toContain('2020-07-25');
    expect(newest).toContain('李明');
    expect(newest).toContain('合并 2020-07 报送（ledger merge）');
    expect(newest).toContain('状态：未启动 → 推进中');
    const oldest = await entries.nth(1).innerText();
    expect(oldest).toContain('2020-06-01');
    expect(oldest).toContain('王芳');
    const hrefs = await page.locator('ul.evidence a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.gov.cn/文件/一窗一表单.pdf']);
    expect(await page.locator('ul.evidence').innerText()).toContain('javascript:window.__injected = true');
    expect(await page.locator('ul.evidence code').innerText()).toBe('reports/2020-07/佐证/一窗一表单.pdf');
    await page.context().close();
  }, 90_000);

  it('an injected <script> in a progress text shows as text and does not run', async () => {
    const page = await open('measures/1.1.2.html');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await page.locator('table.parts').innerText()).toContain('<script>window.__injected = true</script>');
    for (const other of ['areas/1.html', 'units/市审批局.html', 'leads/市审批局.html']) {
      const more = await open(other);
      await more.waitForLoadState('load');
      expect(await more.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
      expect(await more.locator('body').innerText()).toContain('<script>window.__injected = true</script>');
      await more.context().close();
    }
    await page.context().close();
  }, 90_000);

  it('a unit page shows its own parts: its own report, not another unit’s', async () => {
    const page = await open('units/市审批局.html');
    expect(await page.locator('table.parts tr[data-id="1.1.2"]').innerText()).toContain('2020-07 推进中');
    await page.goto(pathToFileURL(path.join(site, 'units/市公安局.html')).href);
    const police = await page.locator('table.parts tr[data-id="1.1.2"]').innerText();
    expect(police).toContain('未报送');
    expect(police).not.toContain('一窗一表单');
    await page.context().close();
  }, 90_000);

  it('the search box finds 1.1.2 by its id and by a word of its title', async () => {
    const page = await open('index.html');
    await page.locator('form.site-search input[name="q"]').fill('1.1.2');
    await page.locator('form.site-search button').click();
    await page.waitForURL(/search\.html\?q=1\.1\.2/);
    const visibleIds = () =>
      page
        .locator('#search-table tbody tr:not([hidden]) td:first-child')
        .evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(await visibleIds()).toEqual(['1.1.2']);
    await page.locator('#search-q').fill('线下服务');
    expect(await visibleIds()).toContain('1.1.2');
    expect((await visibleIds()).length).toBeLessThan(179);
    await page.goto(pathToFileURL(path.join(site, 'search.html')).href + '?q=' + encodeURIComponent('线下'));
    expect(await visibleIds()).toContain('1.1.2');
    await page.context().close();
  }, 90_000);

  it('the 总览 prints on one A4 page', async () => {
    const page = await open('index.html');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    await page.context().close();
  }, 90_000);

  it('no request left file:// and no page logged an error', () => {
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
    expect(readFileSync(path.join(site, '.ledger-site'), 'utf8')).toContain('ledger site');
  });
});
