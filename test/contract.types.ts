// Type-level tests of the API contract, checked by `npm run typecheck` (never run): each
// `@ts-expect-error` line must fail to compile, so the compiler refuses a schema without a
// result type, a result type without a schema, and a service that misses a handler. If any of
// these lines compiled, `@ts-expect-error` itself would be reported as unused.
import { z } from 'zod';
import { area, type argSchemas, type SERVICE_OPERATIONS, type Operation, type Results, type ServiceHandlers, type ServiceOperation } from '../core/api';
import { createService, type ServiceContext } from '../service/index';

interface TwoResults {
  'thing.get': { n: number };
  'thing.set': { ok: true };
}
const args = z.object({}).strict();

// Matching schemas and results compile.
export const matching = area<TwoResults>()({ 'thing.get': args, 'thing.set': args });

// @ts-expect-error a schema without a result type ('thing.extra' is not in TwoResults)
export const schemaWithoutResult = area<TwoResults>()({ 'thing.get': args, 'thing.set': args, 'thing.extra': args });

// @ts-expect-error a result type without a schema ('thing.set' has none)
export const resultWithoutSchema = area<TwoResults>()({ 'thing.get': args });

declare const ctx: ServiceContext;
const { 'figures.get': _figures, ...withoutFigures } = createService(ctx);
// @ts-expect-error the service misses a handler ('figures.get')
export const missingHandler: ServiceHandlers = withoutFigures;

// The whole contract: schemas and results name the same operations, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchResults: Same<keyof typeof argSchemas, keyof Results> = true;
export const serviceListIsDerived: Same<(typeof SERVICE_OPERATIONS)[number], ServiceOperation> = true;
export const operationsAreTheSchemas: Same<Operation, keyof typeof argSchemas> = true;
