#!/usr/bin/env node
// npm run screenshots: builds the site of the bundled ledger (as of 2020-12-01) into a temp folder,
// opens its 总览 in headless Chromium and writes docs/images/site-overview-1280.png (1280×800)
// and site-overview-390.png (390×844, a phone). Needs /usr/bin/chromium (or CHROMIUM=path).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const AS_OF = '2020-12-01';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

if (!existsSync(CHROMIUM)) {
  console.error(`找不到 Chromium（${CHROMIUM}）：安装 chromium，或用环境变量 CHROMIUM 指定路径`);
  process.exit(2);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'ledger-screenshots-'));
try {
  const out = path.join(work, 'site');
  const built = spawnSync(process.execPath, [path.join(REPO, 'bin/ledger'), 'site', '--out', out, '--as-of', AS_OF], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`ledger site 失败：${built.stderr}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
      const file = path.join(REPO, 'docs/images', `site-overview-${size.width}.png`);
      await page.screenshot({ path: file });
      console.log(`已写入 ${path.relative(REPO, file)}（${size.width}×${size.height}）`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
