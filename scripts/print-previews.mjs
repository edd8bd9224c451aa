// Pictures of printed output for the README, made from LibreOffice's PDF of the real exports:
// docs/images/summary-docx-page1.png (first page of the December Word summary), quarter-docx-page1.png
// (first page of the fourth quarter's Word report) and
// docs/images/ledger-xlsx-pagebreak.png (top of the 台账's second printed page, where an area and a
// task go on with “（续）”). The ledger is the bundled one with six months of merged reports
// (scripts/six-month-history.mjs). Needs the build, soffice and pdftoppm.  Run: npm run previews
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHistory, REPO_ROOT } from './six-month-history.mjs';

const IMAGES = path.join(REPO_ROOT, 'docs/images');

function ledger(cwd, ...args) {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin/ledger'), ...args], { cwd, stdio: 'inherit' });
}

function toPdf(file) {
  const dir = path.dirname(file);
  const profile = `-env:UserInstallation=file://${path.join(dir, '.lo-profile')}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore' });
  return file.replace(/\.[^.]+$/, '.pdf');
}

/** One page of `pdf` as PNG at `dpi`, cut to `crop` (x, y, width, height in pixels) when given. */
function pagePng(pdf, page, dpi, out, crop) {
  const base = path.join(path.dirname(pdf), `page-${page}`);
  const cropArgs = crop ? ['-x', crop[0], '-y', crop[1], '-W', crop[2], '-H', crop[3]].map(String) : [];
  execFileSync('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    ...cropArgs,
    pdf,
    base,
  ]);
  copyFileSync(`${base}.png`, out);
  console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-previews-'));
try {
  const city = path.join(dir, 'city');
  await buildHistory(city);
  ledger(city, 'summary', '--month', '2020-12', '--format', 'docx', '--out', '../summary.docx');
  pagePng(toPdf(path.join(dir, 'summary.docx')), 1, 72, path.join(IMAGES, 'summary-docx-page1.png'));
  ledger(city, 'summary', '--quarter', '2020Q4', '--format', 'docx', '--out', '../quarter.docx');
  pagePng(toPdf(path.join(dir, 'quarter.docx')), 1, 72, path.join(IMAGES, 'quarter-docx-page1.png'));
  ledger(city, 'render', '--as-of', '2020-12-25', '--out', '../ledger.xlsx');
  // A3 landscape at 60 dpi is 992 × 702 pixels: the upper half holds the repeated header and the （续） cells.
  pagePng(
    toPdf(path.join(dir, 'ledger.xlsx')),
    2,
    60,
    path.join(IMAGES, 'ledger-xlsx-pagebreak.png'),
    [0, 0, 992, 360],
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
