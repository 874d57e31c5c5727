// The one API contract between the UI and the service. Every operation takes one
// serialisable object and returns plain data. Each area declares its argument schemas here;
// hosts (Electron main, the end-to-end bridge) validate every call against them before it
// reaches the service, and answer with an envelope instead of throwing.
import type { z } from 'zod';
import { dataArgs, type DataResults } from './api/data';
import { reportArgs, type ReportResults } from './api/report';
import { qualityArgs, type QualityResults } from './api/quality';
import { area } from './api/contract';
import { shellArgs, type ShellResults } from './api/shell';
import { UserError, describeValue, isUserError, storageError } from './errors';
import { bundleArgs, type BundleResults } from './api/bundle';
import { workbookArgs, type WorkbookResults } from './api/workbook';
import { statusArgs, type StatusResults } from './api/status';
import { dhis2Args, type Dhis2Results } from './api/dhis2';
import { indicatorsArgs, type IndicatorsResults } from './api/indicators';
import { unitsArgs, type UnitsResults } from './api/units';
import { entryArgs, type EntryResults } from './api/entry';
import { unitSettingsArgs, type UnitSettingsResults } from './api/unit-settings';
import { plansArgs, type PlansResults } from './api/plans';
import type { Lang } from './format';
import { userMessage } from './i18n';

export * from './api/data';
export * from './api/report';
export * from './api/shell';
export * from './api/quality';
export { area } from './api/contract';
export * from './api/bundle';
export * from './api/workbook';
export * from './api/status';
export * from './api/dhis2';
export * from './api/indicators';
export * from './api/units';
export * from './api/entry';
export * from './api/unit-settings';
export * from './api/plans';

// Each area declares its operations in core/api/<area>.ts: argument schemas (`xxxArgs`,
// declared with `area<XxxResults>()`, so the compiler checks they match one to one) and result
// types (`XxxResults`). Add a new area to both lists below; they are checked against each other
// the same way.

/** What each operation returns. */
export interface Results extends DataResults, ReportResults, ShellResults, QualityResults, BundleResults, WorkbookResults, StatusResults, Dhis2Results, IndicatorsResults, UnitsResults, EntryResults, UnitSettingsResults, PlansResults {}

/** Argument schemas, one per operation. Every operation has one. */
export const argSchemas = area<Results>()({
  ...dataArgs,
  ...reportArgs,
  ...shellArgs,
  ...qualityArgs,
  ...bundleArgs,
  ...workbookArgs,
  ...statusArgs,
  ...dhis2Args,
  ...indicatorsArgs,
  ...unitsArgs,
  ...entryArgs,
  ...unitSettingsArgs,
  ...plansArgs,
});

export type Operation = keyof typeof argSchemas;
export type Args<K extends Operation> = z.infer<(typeof argSchemas)[K]>;
export type Handler<K extends Operation> = (args: Args<K>) => Results[K] | Promise<Results[K]>;
export type Handlers = { [K in Operation]: Handler<K> };

/**
 * The shell's operations: windows, dialogs and the swap of the database itself, served by the
 * app's host (electron/host.ts). Everything else is the service's (service/index.ts), which
 * every host — the app, the CLI, the end-to-end bridge — runs the same way.
 */
export type ShellOperation = keyof typeof shellArgs;
export type ServiceOperation = Exclude<Operation, ShellOperation>;
export type ServiceHandlers = { [K in ServiceOperation]: Handler<K> };

/** Every operation of the service, derived from the contract. */
export const SERVICE_OPERATIONS = (Object.keys(argSchemas) as Operation[]).filter(
  (op): op is ServiceOperation => !Object.hasOwn(shellArgs, op),
);


export interface ApiError {
  key: string;
  params: Record<string, string | number>;
  message: string;
  /** Per-line problems of a rejected file or paste. */
  details?: string[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function isOperation(op: unknown): op is Operation {
  return typeof op === 'string' && Object.prototype.hasOwnProperty.call(argSchemas, op);
}

function errorOf(e: UserError, lang: Lang): ApiError {
  const details = (e as { problems?: { line: number; key: string; params: Record<string, string | number>; lineKey?: string }[] }).problems;
  return {
    key: e.key,
    params: e.params,
    message: userMessage(e, lang),
    ...(details
      ? { details: details.map((p) => userMessage({ key: p.lineKey ?? 'error.fileLine', params: { line: p.line, message: userMessage(p, lang) } }, lang)) }
      : {}),
  };
}

/** What went wrong inside a handler, as short text; reading a thrown value never throws here. */
function internalDetail(e: unknown): string {
  try {
    return e instanceof Error && typeof e.message === 'string' ? e.message.slice(0, 200) : describeValue(e, 200);
  } catch {
    return describeValue(e, 200);
  }
}

/**
 * Validates and runs one call. Unknown operations, bad arguments and user errors come back
 * as `{ ok: false }` with a message in the user's language; nothing is thrown to the caller.
 */
export async function dispatch(
  handlers: Partial<Handlers>,
  op: unknown,
  args: unknown,
  lang: Lang,
  onInternalError: (e: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  // Anything may arrive as the name (a number, `{ toString: 1 }`, a proxy): it is described,
  // never converted with String(), which can throw.
  if (!isOperation(op)) {
    return { ok: false, error: errorOf(new UserError('error.unknownOperation', { op: describeValue(op, 64) }), lang) };
  }
  let parsed: ReturnType<(typeof argSchemas)[typeof op]['safeParse']>;
  try {
    parsed = argSchemas[op].safeParse(args ?? {});
  } catch {
    // A getter, toString or proxy trap that throws while the arguments are read (possible for
    // in-process callers; IPC delivers plain cloned data): a bad argument like any other.
    return { ok: false, error: errorOf(new UserError('error.badArgument', { detail: `${op}: (args) unreadable` }), lang) };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => describeValue(p, 40)).join('.');
    const detail = `${op}: ${path || '(args)'} ${issue?.message ?? ''}`.slice(0, 300);
    return { ok: false, error: errorOf(new UserError('error.badArgument', { detail }), lang) };
  }
  const handler = handlers[op] as ((a: unknown) => unknown) | undefined;
  // A host that does not serve an area (the CLI has no shell) answers like for an unknown one.
  if (!handler) return { ok: false, error: errorOf(new UserError('error.unknownOperation', { op }), lang) };
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (isUserError(e)) return { ok: false, error: errorOf(e, lang) };
    // A full or failing disk under any write path: a sentence, not "unexpected error".
    const storage = storageError(e);
    if (storage) return { ok: false, error: errorOf(storage, lang) };
    onInternalError(e);
    return { ok: false, error: errorOf(new UserError('error.internal', { detail: internalDetail(e) }), lang) };
  }
}
