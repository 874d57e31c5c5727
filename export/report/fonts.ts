// The report's serif font, shipped with the app so that every Vietnamese letter prints in one
// family on any machine. Vietnamese administrative documents use Times New Roman; it is not
// redistributable, so where it is installed (every Windows PC) it is used, and elsewhere the
// print HTML carries Liberation Serif 2 (resources/fonts/, SIL OFL 1.1, metric-compatible with
// Times New Roman and covering all 134 Vietnamese letters) as base64 @font-face faces. Without
// this a machine lacking both draws ơ, ư, ệ … in a fallback font in the middle of words.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The family name the print HTML uses: ours, so no installed font of that name can interfere. */
export const REPORT_FONT_FAMILY = 'Thongke Serif';

const FACES = [
  { file: 'LiberationSerif-Regular.ttf', weight: 'normal', style: 'normal', local: ['Times New Roman', 'TimesNewRomanPSMT'] },
  { file: 'LiberationSerif-Bold.ttf', weight: 'bold', style: 'normal', local: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT'] },
  { file: 'LiberationSerif-Italic.ttf', weight: 'normal', style: 'italic', local: ['Times New Roman Italic', 'TimesNewRomanPS-ItalicMT'] },
  {
    file: 'LiberationSerif-BoldItalic.ttf',
    weight: 'bold',
    style: 'italic',
    local: ['Times New Roman Bold Italic', 'TimesNewRomanPS-BoldItalicMT'],
  },
] as const;

/**
 * resources/fonts/ of the app: the nearest one above this file. From the sources
 * (export/report/, run by tsx and vitest) and the Electron bundle (dist/electron/main.cjs, where
 * __dirname is defined; electron-builder packs resources/fonts/ beside dist/) it is two folders
 * up; from the CLI bundle's chunks (dist/cli/chunks/) three.
 */
export function fontsDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let dir = here, up = 0; up < 5; up++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FACES[0].file))) return candidate;
  }
  return join(here, '..', '..', 'resources', 'fonts');
}

const cache = new Map<'embedded' | 'files', string>();

/**
 * The @font-face rules of REPORT_FONT_FAMILY: Times New Roman first, then the shipped faces —
 * embedded as base64 (the print HTML: preview, Print, Electron's PDF, `--format html`), or as
 * file:// URLs of resources/fonts/ for a Chromium that loads the HTML from a file itself
 * (Chromium takes about a second to take 2 MB of data: URLs in, a file:// font in no time).
 */
export function reportFontFaces(mode: 'embedded' | 'files' = 'embedded'): string {
  const hit = cache.get(mode);
  if (hit !== undefined) return hit;
  const dir = fontsDir();
  const css = FACES.map((f) => {
    const path = join(dir, f.file);
    const url = mode === 'embedded' ? `data:font/ttf;base64,${readFileSync(path).toString('base64')}` : pathToFileURL(path).href;
    const local = f.local.map((n) => `local('${n}')`).join(', ');
    return `@font-face { font-family: '${REPORT_FONT_FAMILY}'; font-weight: ${f.weight}; font-style: ${f.style}; src: ${local}, url(${url}) format('truetype'); }`;
  }).join('\n');
  cache.set(mode, css);
  return css;
}

/** The same print HTML with its fonts as file:// URLs (see reportFontFaces). */
export function withFontFiles(html: string): string {
  return html.replace(reportFontFaces('embedded'), () => reportFontFaces('files'));
}
