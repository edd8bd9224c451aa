import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** Why LibreOffice and poppler tests cannot run here, or undefined when they can. */
export function printToolsMissing(): string | undefined {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  if (!soffice)
    return 'LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc-nogui and -writer-nogui';
  for (const tool of ['pdftotext', 'pdfinfo']) {
    if (spawnSync(tool, ['-v']).error) return `${tool} is not installed: .ci/run installs poppler-utils`;
  }
  return undefined;
}

const execFileAsync = promisify(execFile);

/** Converts `file` (xlsx, docx) to PDF beside it with LibreOffice; returns the PDF's path. */
export async function toPdf(file: string): Promise<string> {
  const dir = path.dirname(file);
  // A profile of its own: parallel tests must not share LibreOffice's user installation.
  const profile = `file://${path.join(dir, '.lo-profile')}`;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file];
  const run = await execFileAsync('soffice', args, {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  }).catch((error: Error) => ({ stdout: '', stderr: String(error) }));
  const pdf = file.replace(/\.[^.]+$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}: ${run.stdout}${run.stderr}`);
  return pdf;
}

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Width and height in points of page `page` (1-based). */
export function pdfPageSize(pdf: string, page: number): { width: number; height: number } {
  const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' });
  const match = /size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** `pdftotext -layout` of one page. */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of each page with their positions (`pdftotext -bbox`). */
export function pdfWords(pdf: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        }),
      ),
    );
}
