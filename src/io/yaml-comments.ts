import { isScalar, visit, type Document } from 'yaml';
import type { Diagnostic } from '../core/model/diagnostic.js';

/**
 * Text cut short by a comment: in `progress: 已办结 #12 号文件` YAML stores
 * only “已办结”. A trailing comment right after the `#` (no space) is almost
 * always such text; with `everyComment`, for files that never carry trailing
 * comments (the area files), any trailing comment on a text is suspicious.
 */
export function textCutByComments(document: Document, text: string, file: string, everyComment: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(document, {
    Scalar(_, node) {
      if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || node.comment == null) return;
      if (!everyComment && node.comment.startsWith(' ')) return;
      const comment = node.comment;
      const hash = text.indexOf('#', node.range?.[1] ?? 0);
      out.push({
        ...positionOf(text, hash),
        file,
        code: 'yaml/comment-in-text',
        severity: 'warning',
        message: `“${node.value}”后面的“#${comment}”被当作注释，没有存入`,
        hint: `文字中有 # 时整段用引号括起来，例如 "${node.value} #${comment.trim()}"`,
      });
    },
  });
  return out;
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, col: [...before[before.length - 1]!].length + 1 };
}
