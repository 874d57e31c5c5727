// Real files for the DHIS2 tests: the demo district, an empty twin database (same catalogue,
// same units, no values, as `thongke init` plus the units a province registers), the IHE ADX
// loose schema and the validator that reads it (libxml2's xmllint compiled to WebAssembly).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLValidationResult } from 'xmllint-wasm';
import { createDatabase } from '../../db/create';
import { openStore } from '../../db/store';
import { addUnits } from '../../db/units.repo';

export { NOW, demoDistrict, fileState, service } from '../bundle/fixtures';

const SCHEMA_DIR = join(process.cwd(), 'resources', 'dhis2', 'adx');

/** An empty database holding the same units (in tree order) as the database at `from`. */
export function emptyTwin(from: string, file: string): void {
  const source = openStore(from, { readonly: true });
  const units = source.units().map((u) => ({ code: u.code, name: u.name, level: u.level, parent: u.parent }));
  source.close();
  createDatabase(file, (store) => addUnits(store.db, units));
}

/** Validates an ADX document against resources/dhis2/adx/adx_loose.xsd (and the SDMX schemas it imports). */
export function validateAdx(xml: string): Promise<XMLValidationResult> {
  const read = (name: string) => ({ fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') });
  return validateXML({
    xml: [{ fileName: 'export.adx.xml', contents: xml }],
    schema: [read('adx_loose.xsd')],
    preload: [read('sdmx/SDMXCommon.xsd'), read('sdmx/SDMXCommonReferences.xsd'), read('sdmx/xml.xsd')],
    initialMemoryPages: 512,
    maxMemoryPages: 4096,
  });
}
