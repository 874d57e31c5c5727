// The catalogue: programmes and their data elements. It is data (resources/catalogue/*.json),
// validated here when it loads, so a province can add an indicator without a code change.
import { z } from 'zod';
import { AGGREGATION_KINDS, DISPLAY_FORMATS, ENTRY_LEVELS, VALUE_TYPES } from './catalogue-kinds';

// The zod-free part (kinds, value types, entry levels, display formats) lives in
// catalogue-kinds.ts, so the renderer's bundle reads it without zod; it is re-exported here.
export * from './catalogue-kinds';

const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'codes are UPPER_SNAKE_CASE');

export const derivationSchema = z.object({
  numerator: z.array(code).min(1),
  denominator: z.array(code).min(1),
  factor: z.number().positive(),
});
export type Derivation = z.infer<typeof derivationSchema>;

export const dataElementSchema = z
  .object({
    code,
    nameVi: z.string().min(1),
    nameEn: z.string().min(1),
    unitVi: z.string().default(''),
    unitEn: z.string().default(''),
    valueType: z.enum(VALUE_TYPES),
    kind: z.enum(AGGREGATION_KINDS),
    entryLevel: z.enum(ENTRY_LEVELS),
    /** Codes whose values add up to this element ("trong đó"). */
    parts: z.array(code).default([]),
    derived: derivationSchema.optional(),
    format: z.enum(DISPLAY_FORMATS).optional(),
    /** The report section it belongs to, e.g. "II.6.1". */
    section: z.string().optional(),
  })
  .strict()
  .refine((e) => (e.kind === 'derived') === (e.derived !== undefined), {
    message: 'a derived element needs "derived", and only a derived element has one',
  });
export type DataElement = z.infer<typeof dataElementSchema>;

export const programmeFileSchema = z
  .object({
    code,
    nameVi: z.string().min(1),
    nameEn: z.string().min(1),
    /** Section of the monthly report, e.g. "II.6.7". */
    section: z.string(),
    elements: z.array(dataElementSchema).min(1),
  })
  .strict();
export type ProgrammeFile = z.infer<typeof programmeFileSchema>;

export interface Programme {
  code: string;
  nameVi: string;
  nameEn: string;
  section: string;
  sort: number;
}

export interface CatalogueElement extends DataElement {
  programme: string;
  sort: number;
}

export interface Catalogue {
  programmes: Programme[];
  elements: CatalogueElement[];
  byCode: ReadonlyMap<string, CatalogueElement>;
}

export class CatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueError';
  }
}

/** Validates programme files and the references between them; throws CatalogueError. */
export function buildCatalogue(files: readonly unknown[]): Catalogue {
  const programmes: Programme[] = [];
  const elements: CatalogueElement[] = [];
  const byCode = new Map<string, CatalogueElement>();
  files.forEach((raw, i) => {
    const parsed = programmeFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CatalogueError(`catalogue file #${i + 1}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const p = parsed.data;
    if (programmes.some((q) => q.code === p.code)) throw new CatalogueError(`programme ${p.code} declared twice`);
    programmes.push({ code: p.code, nameVi: p.nameVi, nameEn: p.nameEn, section: p.section, sort: i });
    for (const e of p.elements) {
      if (byCode.has(e.code)) throw new CatalogueError(`element ${e.code} declared twice`);
      const el: CatalogueElement = { ...e, programme: p.code, sort: elements.length };
      elements.push(el);
      byCode.set(e.code, el);
    }
  });
  for (const e of elements) {
    const refs = [...e.parts, ...(e.derived?.numerator ?? []), ...(e.derived?.denominator ?? [])];
    for (const r of refs) {
      if (!byCode.has(r)) throw new CatalogueError(`element ${e.code} refers to unknown element ${r}`);
      if (r === e.code) throw new CatalogueError(`element ${e.code} refers to itself`);
    }
    for (const r of e.derived ? [...e.derived.numerator, ...e.derived.denominator] : []) {
      if (byCode.get(r)!.kind === 'derived') throw new CatalogueError(`derived element ${e.code} uses derived ${r}`);
    }
  }
  return { programmes, elements, byCode };
}

