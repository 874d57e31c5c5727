// The PNG fallback of a chart's SVG picture in the DOCX (Word before 2016, and readers without
// SVG, show it): rasterised from the very same SVG by resvg (@resvg/resvg-js, a Rust SVG
// renderer with prebuilt Node-API binaries: no browser, no system libraries), with the report's
// shipped fonts only, so a machine's fonts never change the picture. Loaded on first use: only a
// DOCX with charts needs it.
import { join } from 'node:path';
import { fontsDir } from './fonts';

const FACES = ['LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf'];

/** PNG bytes of `svg` at `scale` × its CSS size (2: sharp on paper at the size the DOCX prints it). */
export async function svgToPng(svg: string, width: number, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const dir = fontsDir();
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: FACES.map((f) => join(dir, f)), defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
  });
  return new Uint8Array(r.render().asPng());
}
