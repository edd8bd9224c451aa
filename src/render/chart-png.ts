/**
 * Charts as PNG for documents (docx): the dashboard's own SVG (charts.ts),
 * drawn by resvg. resvg has no system font fallback for Chinese unless it is
 * given fonts: the caller passes the Noto CJK files it found (io/cjk-fonts.ts),
 * else the system's fonts are loaded. @resvg/resvg-js is imported here only.
 */
/** PNG bytes of `svg`, `width` pixels wide (height to scale), on white. */
export async function svgToPng(svg: string, width: number, fontFiles: readonly string[]): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      fontFiles: [...fontFiles],
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
