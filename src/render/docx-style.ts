/**
 * Page and type for the Word summary, after the 公文 conventions (GB/T 9704):
 * A4 portrait, type area 156 × 225 mm, title in 黑体 (小标宋 where offices have
 * it installed is a user's change of one font name), body in 仿宋, tables in
 * 宋体, page numbers “— 1 —” centred below the type area.
 *
 * A docx run names one font per script. The names are the ones every Windows
 * since Vista and WPS have (SimHei 黑体, FangSong 仿宋, SimSun 宋体); Word and
 * WPS match them under their Chinese names too. LibreOffice replaces them by
 * its table of equivalents (on Linux: Noto Sans/Serif CJK SC from fonts-noto-cjk).
 */
import type { IFontAttributesProperties } from 'docx';

const font = (name: string): IFontAttributesProperties => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export const FONTS = {
  title: font('SimHei'),
  heading: font('SimHei'),
  body: font('FangSong'),
  table: font('SimSun'),
} as const;

/** Sizes in half-points, as docx counts them: 二号 22 pt (title), 四号 14 pt (body), 15 pt headings, 小五 9 pt (tables). */
export const SIZES = { title: 44, subtitle: 28, heading: 30, body: 28, table: 18, small: 18 } as const;

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

/** A4 portrait with the 公文 margins: top 37, bottom 35, left 28, right 26 mm. */
export const PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) },
} as const;

/** The type area's width, in twips and in pixels at 96 dpi (docx sizes images in pixels). */
export const TEXT_WIDTH = { twips: mm(156), pixels: Math.round((156 / 25.4) * 96) } as const;

/** Body line spacing, exact, in twips (24 pt: 四号 with air). */
export const BODY_LINE = 480;
/** Table line spacing, exact, in twips. */
export const TABLE_LINE = 230;

/** Chinese (PRC): Word's proofing, and LibreOffice picks the Simplified Chinese forms of its fallback fonts. */
export const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;

export const LIGHT_SHADES = { 红: 'FF6B6B', 黄: 'FFD966', 绿: '8FD18F' } as const;
export const HEADER_SHADE = 'E7E6E6';
