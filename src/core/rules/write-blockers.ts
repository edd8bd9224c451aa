import { fileDiagnostic, sortDiagnostics, type Diagnostic } from '../model/diagnostic.js';

/**
 * The one policy for a ledger with errors. Read-only views show the rest and exit 1 (they count the
 * load's errors). Every command that writes — merge, extend, template, verify, notice --issue,
 * render/summary exports — first asks `writeBlockers`: while a file it would touch or read from has
 * errors, it writes nothing and returns these diagnostics (exit 1): one `write/refused` per file
 * naming it, then that file's errors. Only errors in files `reads` accepts (default: every file);
 * warnings never stop a write.
 */
export function writeBlockers(
  diagnostics: readonly Diagnostic[],
  action: string,
  reads: (file: string) => boolean = () => true,
): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === 'error' && reads(d.file));
  if (errors.length === 0) return [];
  const counts = new Map<string, number>();
  for (const d of errors) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  const refused = [...counts].map(([file, count]) =>
    fileDiagnostic(file, {
      code: 'write/refused',
      message: `${file} 有 ${count} 个错误，${action}需要读取它，因此未写入任何文件`,
      hint: '先修正下列问题（ledger validate 列出全部问题），再重新运行',
    }),
  );
  return sortDiagnostics([...refused, ...errors]);
}
