import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir, type FileTree } from './temp-dir.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The bundled units registry, so that fixtures use real unit names. */
export const BUNDLED_UNITS = readFileSync(path.join(REPO_ROOT, 'ledger/units.yaml'), 'utf8');

/** A small, valid area file: area 1 with two tasks, covering the deadline forms and a group. */
export const SMALL_AREA = `area: 1
title: 持续深化商事制度改革
lead: [市审批局]
tasks:
  - id: "1.1"
    title: 不断提升企业开办效率
    text: 深化“一窗通”“一网通办”。
    measures:
      - id: "1.1.1"
        title: 优化企业开办线上服务
        text: 改造升级企业登记系统。
        deadline: 2020年底前
        units: [市审批局, 市公安局, 各县区]
        status: 未启动
        progress: ""
        remark: ""
      - id: "1.1.2"
        title: 优化企业开办线下服务
        text: 优化和重构企业开办流程。
        deadline: 2020年6月底前
        units: [市审批局, 市公安局]
        status: 未启动
        progress: ""
        remark: ""
  - id: "1.2"
    title: 深化减证便民行动
    text: 全面推行证明事项告知承诺制。
    measures:
      - id: "1.2.1"
        title: 深化减证便民行动
        text: 执行三级证明事项清单。
        deadline: 2020年6月底、7月底前
        units: [市审批局, 市司法局]
        related_units: true
        status: 未启动
        progress: ""
        remark: ""
      - id: "1.2.2"
        title: 建立破产案件快速审理机制
        text: 建立快速审理机制。
        deadline: 长期
        units: [市中级人民法院]
        status: 未启动
        progress: ""
        remark: ""
      - id: "1.2.3"
        title: 完善破产财税政策
        text: 适时设立企业破产专项启动资金。
        deadline: 适时
        units: [市财政局]
        status: 未启动
        progress: ""
        remark: ""
`;

/** A temporary ledger repository (not a git repo) with the bundled registry and `files`. */
export function tempLedger(files: FileTree = { 'ledger/01-持续深化商事制度改革.yaml': SMALL_AREA }): string {
  return tempDir({ 'ledger/units.yaml': BUNDLED_UNITS, ...files });
}

/**
 * A fixture edit that fails loudly: `text` with `search` replaced, or an error when `search` is not
 * there (an edit that silently does nothing would let a test pass for the wrong reason).
 */
export function replaceOrThrow(text: string, search: string | RegExp, replacement: string): string {
  const found =
    typeof search === 'string'
      ? text.includes(search)
      : new RegExp(search.source, search.flags.replace('g', '')).test(text);
  if (!found) throw new Error(`fixture edit: ${String(search)} is not in the text`);
  return typeof search === 'string' ? text.replace(search, replacement) : text.replace(search, replacement);
}

/** SMALL_AREA laid out by hand in measure 1.1.2 and before it: a padded flow list, comments, blank lines. */
export const HAND_MADE_AREA = replaceOrThrow(
  replaceOrThrow(
    SMALL_AREA,
    '        units: [市审批局, 市公安局]\n',
    '        units: [ 市审批局 , 市公安局 ]   # 线下\n',
  ),
  '        remark: ""\n      - id: "1.1.2"',
  '        remark: "" # 备注\n\n\n      # 以下为线下服务\n      - id: "1.1.2"',
);
