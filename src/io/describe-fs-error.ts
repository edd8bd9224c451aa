/**
 * A file-system error in Chinese, naming the file the user asked for (never a
 * temporary sibling): "写入失败（没有写入权限）：ledger/01-….yaml". What was left
 * unchanged is for the caller to say; it knows whether the file is the ledger.
 */
export function describeFsError(error: unknown, target: string, action: 'read' | 'write' = 'write'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    EACCES: action === 'write' ? '没有写入权限' : '没有读取权限',
    EPERM: action === 'write' ? '没有写入权限' : '没有读取权限',
    ENOENT: action === 'write' ? '目录不存在' : '文件不存在',
    EISDIR: '是一个目录',
    ENOTDIR: '路径中有一段不是目录',
    ENOSPC: '磁盘已满',
    EDQUOT: '超出磁盘配额',
    EROFS: '只读文件系统',
    ELOOP: '符号链接循环',
    EBUSY: '文件正被占用',
    EMFILE: '同时打开的文件过多',
    EEXIST: '已存在',
  };
  const reason =
    typeof code === 'string'
      ? (reasons[code] ?? `系统错误 ${code}`)
      : error instanceof Error
        ? error.message
        : String(error);
  return `${action === 'write' ? '写入' : '读取'}失败（${reason}）：${target}`;
}

/** Whether `error` came from the operating system (has an errno code) rather than from a bug. */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
