// The PNG fallback of a chart's SVG picture in the DOCX (Word before 2016, and readers without
// SVG, show it): rasterised from the very same SVG by resvg (@resvg/resvg-js, a Rust SVG
// renderer with prebuilt Node-API binaries: no browser, no system libraries), with the report's
// shipped fonts only, so a machine's fonts never change the picture. Loaded on first use: only a
// DOCX with charts needs it.
import { join } from 'node:path';
import { fontsDir } from './fonts';

/** The charts draw every text in the regular face: loading the others would only cost time. */
const FACES = ['LiberationSerif-Regular.ttf'];

/** PNG bytes of `svg` at `scale` × its CSS size (1.5: 144 dpi at the size the DOCX prints it; a fallback: Word 2016 and later draw the SVG itself). */
export async function svgToPng(svg: string, width: number, scale = 1.5): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const dir = fontsDir();
  // renderAsync draws on libuv's thread pool: a report's charts are drawn side by side, off the main thread.
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FACES.map((f) => join(dir, f)), defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
  });
  return new Uint8Array(image.asPng());
}
