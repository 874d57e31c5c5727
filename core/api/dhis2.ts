// The bridge to the national DHIS2: export of a unit's period as a DHIS2 dataValueSet (JSON)
// or an ADX message (XML), and import of a dataValueSet. The service takes and returns text,
// never paths: the host reads and writes the files.
import { z } from 'zod';
import { area } from './contract';
import { code } from './data';

/** A mapping CSV `kind,code,dhis2Id` as the host read it, and its name for messages. */
const mappingText = z.object({ text: z.string(), fileName: z.string().min(1).max(260) }).strict();

export const dhis2Args = area<Dhis2Results>()({
  /**
   * The values of the unit and every unit below it (one orgUnit per unit) for a month, a
   * quarter, the first six months or a year (ours: 2024-05, 2024-Q2, 2024-H1, 2024; DHIS2's:
   * 202405, 2024Q2, 2024S1). Longer periods are each unit's months aggregated by element kind.
   */
  'dhis2.export': z
    .object({
      unit: code,
      period: z.string().min(4).max(7),
      format: z.enum(['json', 'adx']),
      /** The data set's code (THONGKE_MONTHLY, THONGKE_QUARTERLY… when left out). */
      dataSet: code.optional(),
      mapping: mappingText.optional(),
    })
    .strict(),
  /** A dataValueSet JSON, all or nothing; `dryRun` checks and counts, writing nothing. */
  'dhis2.import': z
    .object({ text: z.string(), fileName: z.string().min(1).max(260), mapping: mappingText.optional(), dryRun: z.boolean().optional() })
    .strict(),
});

export interface Dhis2UnmappedCode {
  kind: 'dataElement' | 'orgUnit' | 'dataSet' | 'categoryOptionCombo';
  code: string;
  /** Values left out of the file because of it. */
  values: number;
}

export interface Dhis2ExportResult {
  format: 'json' | 'adx';
  /** The file's text. */
  text: string;
  /** A file name a person sees, e.g. `TH_HH_202405.adx.xml`. */
  fileName: string;
  /** The period as DHIS2 writes it (202405, 2024Q2, 2024S1, 2024) and as ADX writes it. */
  period: string;
  /** The same period as written here (2024-05, 2024-Q2, 2024-H1, 2024), for sentences. */
  periodSpec: string;
  adxPeriod: string;
  periodType: 'Monthly' | 'Quarterly' | 'SixMonthly' | 'Yearly';
  dataSet: string;
  idScheme: 'CODE' | 'UID';
  /** Values written, and units (orgUnits) they belong to. */
  values: number;
  orgUnits: number;
  completeDate: string | null;
  /** Codes the mapping has no UID for: their values are left out (with a mapping only). */
  unmapped: Dhis2UnmappedCode[];
}

export interface Dhis2ImportResult {
  dryRun: boolean;
  /** Values in the file. */
  count: number;
  /** New values, changed values (or comments), values already as the file says, values cleared. */
  imported: number;
  updated: number;
  unchanged: number;
  cleared: number;
  periods: string[];
  units: number;
}

export interface Dhis2Results {
  'dhis2.export': Dhis2ExportResult;
  'dhis2.import': Dhis2ImportResult;
}
