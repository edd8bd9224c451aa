import type { Diagnostic } from '../core/model/diagnostic.js';

/** What the yaml package reports; its messages are English, so they are translated by code. */
export interface YamlErrorLike {
  code: string;
  message: string;
  linePos?: [{ line: number; col: number }, { line: number; col: number }?];
}

const GENERIC_HINT = '检查这一行及上一行的缩进、冒号和引号；含有冒号或 # 的文字请用引号括起来';

const MESSAGES: Record<string, { message: string; hint: string }> = {
  TAB_AS_INDENT: {
    message: '缩进中用了 Tab 键',
    hint: 'YAML 只能用空格缩进：把这一行开头的 Tab 换成空格，与同级的行对齐',
  },
  BAD_INDENT: {
    message: '缩进不对：这一行没有和同一层级的其他行对齐',
    hint: '同一层级的字段左对齐；子项比上一级多缩进 2 个空格',
  },
  MISSING_CHAR: {
    message: '缺少配对的符号（引号、方括号、花括号或冒号）',
    hint: '检查这一行的 [ ]、{ } 和引号是否成对',
  },
  BAD_DQ_ESCAPE: { message: '双引号中的反斜杠写法不对', hint: '双引号中的 \\ 要写成 \\\\，或改用单引号' },
  BAD_ALIAS: { message: '别名（*名称）用法不对', hint: '台账文件中不要使用 YAML 别名，直接写出内容' },
  ALIAS_PROPS: { message: '别名（*名称）用法不对', hint: '台账文件中不要使用 YAML 别名，直接写出内容' },
  MULTIPLE_DOCS: {
    message: '一个文件中有多段 YAML（出现了 --- 分隔线）',
    hint: '删除多余的 --- 分隔线，每个文件只写一段',
  },
  MULTILINE_IMPLICIT_KEY: { message: '字段名跨了多行，或上一行的文字没有结束', hint: GENERIC_HINT },
  BLOCK_AS_IMPLICIT_KEY: { message: '这一行无法解析为“字段: 值”', hint: GENERIC_HINT },
  UNEXPECTED_TOKEN: { message: '这一行有无法识别的内容', hint: GENERIC_HINT },
  BAD_SCALAR_START: { message: '文字不能以这个符号开头', hint: '以 @ ` | > % 等符号开头的文字请用引号括起来' },
};

/**
 * Diagnostics for a file's YAML errors. A syntax error usually drags more
 * after it, so only the first is reported, with a count of the rest;
 * duplicate keys before it are independent and each is reported.
 */
export function yamlErrorDiagnostics(file: string, errors: readonly YamlErrorLike[]): Diagnostic[] {
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  const before = (e: YamlErrorLike) => syntax.length === 0 || lineOf(e) < lineOf(syntax[0]!);
  const duplicates = errors.filter((e) => e.code === 'DUPLICATE_KEY' && before(e)).map((e) => duplicateKey(file, e));
  if (syntax.length === 0) return duplicates;
  const first = syntax[0]!;
  const known = MESSAGES[first.code] ?? { message: '这一行无法解析', hint: GENERIC_HINT };
  const more = syntax.length > 1 ? `（其后还有 ${syntax.length - 1} 处语法错误，多半由这一处引起，改正后再检查）` : '';
  return [
    {
      ...position(file, first),
      code: 'yaml/syntax',
      severity: 'error',
      message: `YAML 语法错误：${known.message}${more}`,
      hint: known.hint,
    },
    ...duplicates,
  ];
}

function duplicateKey(file: string, error: YamlErrorLike): Diagnostic {
  return {
    ...position(file, error),
    code: 'yaml/duplicate-key',
    severity: 'error',
    message: '同一层级出现了重复的字段名',
    hint: '删除或合并重复的字段',
  };
}

function lineOf(error: YamlErrorLike): number {
  return error.linePos?.[0]?.line ?? 1;
}

function position(file: string, error: YamlErrorLike): { file: string; line: number; col: number } {
  const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
  return { file, line: pos.line, col: pos.col };
}
