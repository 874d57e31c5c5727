// The units area (core/api/units.ts): changes to the tree, made by the installation's user.
import type { ServiceHandlers, UnitsResults } from '../core/api';
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
