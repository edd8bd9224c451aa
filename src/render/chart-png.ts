/**
 * Charts as PNG for documents (docx): the dashboard's own SVG (charts.ts),
 * drawn by resvg. resvg has no system font fallback for Chinese unless it is
 * given fonts: the Noto CJK files are loaded when installed (Debian
 * fonts-noto-cjk), else the system's fonts. @resvg/resvg-js is imported here only.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk'];

/** Noto CJK font files found in the usual Linux places. */
export function cjkFontFiles(dirs: readonly string[] = FONT_DIRS): string[] {
  return dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => /CJK.*\.(ttc|otf|ttf)$/i.test(name) && !/Mono/i.test(name))
          .map((name) => path.join(dir, name))
      : [],
  );
}

/** PNG bytes of `svg`, `width` pixels wide (height to scale), on white. */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = cjkFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
  });
  return resvg.render().asPng();
}

/** Width and height in pixels of a PNG (from its IHDR chunk). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}
