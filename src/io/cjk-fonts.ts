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
