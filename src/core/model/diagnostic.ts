export type Severity = 'error' | 'warning';

/** One finding about the data, always pointing back at its source. */
export interface Diagnostic {
  /** Stable, documented code such as `schema/unknown-field` or `unit/unknown`. */
  code: string;
  severity: Severity;
  /** Path relative to the ledger root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the finding concerns the file as a whole. */
  line: number;
  col: number;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, ideally something to paste. */
  hint?: string;
}

/** The text of one line of a file (relative to the root), for excerpts in messages; undefined when unreadable. */
export type SourceLineLookup = (file: string, line: number) => string | undefined;

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

export type DiagnosticInput = Omit<Diagnostic, 'severity' | 'file' | 'line' | 'col'> & {
  severity?: Severity;
};

export function diagnosticAt(at: SourcePosition, input: DiagnosticInput): Diagnostic {
  return { severity: 'error', ...input, file: at.file, line: at.line, col: at.col };
}

export function fileDiagnostic(file: string, input: DiagnosticInput): Diagnostic {
  return diagnosticAt({ file, line: 0, col: 0 }, input);
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
