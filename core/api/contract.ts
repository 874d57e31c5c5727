// How an area of the API declares its operations so that the compiler checks them: the
// argument schemas and the result interface must name exactly the same operations. A schema
// without a result type, or a result type without a schema, fails `npm run typecheck`
// (test/contract.types.ts shows both).
import type { z } from 'zod';

/** The operations named on one side only; never when the two sides match. */
type Unmatched<S, R> = Exclude<keyof S, keyof R> | Exclude<keyof R, keyof S>;

/** S itself when schemas and results match one to one; otherwise a type S cannot satisfy. */
export type Matching<S, R> = [Unmatched<S, R>] extends [never] ? S : { 'schemas and results differ on': Unmatched<S, R> };

/**
 * Declares an area's argument schemas against its result interface `R`:
 * `export const dataArgs = area<DataResults>()({ 'units.list': empty, … })`.
 */
export function area<R>() {
  return <const S extends Record<string, z.ZodType>>(schemas: S & Matching<S, R>): S => schemas;
}
