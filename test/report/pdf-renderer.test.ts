// The PDF renderer is injectable: the service hands the report's print HTML (the preview's
// HTML) to whatever renderer its host supplies: Electron's printToPDF in the app. The real
// Chromium path is exercised end to end in test/e2e/files.e2e.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureDatabase } from '../e2e/fixture-db';
import { openStore, type Store } from '../../db/store';
import { createService } from '../../service/index';
import { tempDir, type TempDir } from '../helpers/fixture';

let tmp: TempDir;
let store: Store;
beforeAll(() => {
  tmp = tempDir();
  writeFixtureDatabase(tmp.path('db.sqlite'));
  store = openStore(tmp.path('db.sqlite'));
});
afterAll(() => {
  store.close();
  tmp.remove();
});

describe('the injected PDF renderer', () => {
  it("receives the preview's print HTML and its bytes become the PDF file", async () => {
    const seen: string[] = [];
    const fake = (html: string) => {
      seen.push(html);
      return Promise.resolve(new TextEncoder().encode('%PDF-fake'));
    };
    const service = createService({ store, now: () => new Date('2024-06-10T08:00:00'), renderPdf: fake });
    const args = { unit: 'D', period: '2024-05', date: '2024-06-10' };
    const preview = await service['report.preview'](args);
    const file = await service['report.export']({ ...args, format: 'pdf' });
    expect(seen).toEqual([preview.html]);
    expect(new TextDecoder().decode(file.data)).toBe('%PDF-fake');
    expect(file).toMatchObject({ fileName: `${preview.fileBase}.pdf`, mime: 'application/pdf' });
  });

  it('is not used for the other formats', async () => {
    let calls = 0;
    const service = createService({ store, renderPdf: () => (calls++, Promise.resolve(new Uint8Array())) });
    await service['report.export']({ unit: 'D', period: '2024-05', format: 'docx' });
    expect(calls).toBe(0);
  });
});
