// The units area (core/api/units.ts): changes to the tree, made by the installation's user.
import type { ServiceHandlers, UnitsResults } from '../core/api';
import { isUserError } from '../core/errors';
import { customLevelParams } from '../core/levels';
import { DEFAULT_LEVEL_NAMES, nameIn } from '../core/orgunit';
import type { Store } from '../db/store';
import { resolvePeriod } from '../core/period';
import { getSetting } from '../db/settings.repo';
import { addUnit, closeUnit, mergeUnits, moveUnit, renameUnit, unitHistory } from '../db/unit-changes.repo';
import { clockOf, currentUser, type ServiceContext } from './data';

/** The i18n parameters of the levels this province renamed (core/levels.ts), for its messages. */
export function levelParamsOf(store: Store): Record<string, string> {
  return customLevelParams(getSetting(store, 'units.levelNames'));
}

/**
 * Every user error a handler throws names the levels as this province does: the parameters of
 * the levels it renamed are added to the error's (and each refused line's) parameters, its own
 * parameters winning. Nothing changes for a province that named none.
 */
export function withLevelNames<H extends object>(store: Store, handlers: H): H {
  const name = (e: unknown): void => {
    if (!isUserError(e)) return;
    let levels: Record<string, string>;
    try {
      levels = levelParamsOf(store);
    } catch {
      return;
    }
    const add = (params: Record<string, string | number>) => {
      for (const [k, v] of Object.entries(levels)) if (!(k in params)) params[k] = v;
    };
    if (Object.keys(levels).length === 0) return;
    add(e.params);
    for (const p of (e as { problems?: { params: Record<string, string | number> }[] }).problems ?? []) add(p.params);
  };
  const out: Record<string, unknown> = {};
  for (const [op, h] of Object.entries(handlers) as [string, (a: unknown) => unknown][]) {
    out[op] = (a: unknown) => {
      try {
        const r = h(a);
        return r instanceof Promise ? r.catch((e: unknown) => { name(e); throw e; }) : r;
      } catch (e) {
        name(e);
        throw e;
      }
    };
  }
  return out as H;
}

export function unitsHandlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof UnitsResults> {
  const { store } = ctx;
  const now = clockOf(ctx);
  const by = () => ({ user: currentUser(ctx), now: now() });
  return {
    'units.add': (a) =>
      addUnit(store, { name: a.name, level: a.level, parent: a.parent, ...(a.code ? { code: a.code } : {}), ...(a.from ? { from: a.from } : {}) }, by()),
    'units.rename': (a) => renameUnit(store, a.unit, a.name, a.from, by()),
    'units.move': (a) => moveUnit(store, a.unit, a.parent, a.from, by()),
    'units.close': (a) => closeUnit(store, a.unit, a.from, by()),
    'units.merge': (a) =>
      mergeUnits(
        store,
        {
          units: a.units,
          into: a.into,
          from: a.from,
          ...(a.name !== undefined ? { name: a.name } : {}),
          ...(a.parent !== undefined ? { parent: a.parent } : {}),
          ...(a.keepSites ? { keepSites: true } : {}),
        },
        by(),
      ),
    'units.history': (a) => unitHistory(store, a.unit),
    'units.nameIn': (a) => ({
      unit: a.unit,
      period: a.period,
      name: nameIn(store.unit(a.unit), resolvePeriod(a.period).end, unitHistory(store, a.unit)),
    }),
    'units.levelNames': () => getSetting(store, 'units.levelNames') ?? DEFAULT_LEVEL_NAMES,
  };
}
