// The unit report settings operations (core/api/unit-settings.ts) over the `report.units` setting.
import type { ServiceHandlers, UnitSettingsResults } from '../core/api';
import type { UnitSettingsView } from '../core/api/unit-settings';
import { UNIT_SETTING_FIELDS } from '../core/api/unit-settings';
import { readSettings, type UnitReportSettings } from '../core/settings';
import { allSettings, setSetting } from '../db/settings.repo';
import type { Store } from '../db/store';
import { headerOf } from '../export/report/load';
import { shippedTemplates } from '../export/report/template';
import { resolvePeriod } from '../core/period';
import { clockOf, type ServiceContext } from './data';

const blank = (v: string | string[] | undefined) => v === undefined || (typeof v === 'string' ? v.trim() === '' : v.every((l) => l.trim() === ''));

/** Trimmed; lists lose their empty lines; empty fields are left out (they print the default). */
function clean(s: UnitReportSettings): UnitReportSettings {
  const out: Record<string, string | string[]> = {};
  for (const f of UNIT_SETTING_FIELDS) {
    const v = s[f];
    if (blank(v)) continue;
    out[f] = typeof v === 'string' ? v.trim() : v!.map((l) => l.trim()).filter((l) => l !== '');
  }
  return out;
}

function view(store: Store, unit: string, period: string): UnitSettingsView {
  const raw = allSettings(store);
  const s = readSettings(raw);
  const own = s['report.units']?.[unit] ?? {};
  // What prints with nothing of the unit's own: the same header code, without this unit's entry.
  const others = { ...(s['report.units'] ?? {}) };
  delete others[unit];
  const h = headerOf(store, unit, resolvePeriod(period).end, { ...raw, 'report.units': others }, shippedTemplates());
  return {
    unit,
    period,
    own: clean(own),
    defaults: {
      parentBody: h.parentBody,
      unitName: h.unitName,
      unitShort: h.unitShort,
      place: h.place,
      recipients: h.recipients,
      signerTitle: h.signerTitle,
      signerName: h.signerName,
    },
  };
}

export function unitSettingsHandlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof UnitSettingsResults> {
  const { store } = ctx;
  const thisMonth = () => clockOf(ctx)().toISOString().slice(0, 7);
  return {
    'report.unitSettings': (a) => {
      store.unit(a.unit);
      return view(store, a.unit, a.period ?? thisMonth());
    },
    'report.setUnitSettings': (a) => {
      // An unknown unit is refused before anything is written.
      store.unit(a.unit);
      const all = { ...(readSettings(allSettings(store))['report.units'] ?? {}) };
      const next = clean(a.replace ? a.values : { ...(all[a.unit] ?? {}), ...a.values });
      if (Object.keys(next).length === 0) delete all[a.unit];
      else all[a.unit] = next;
      setSetting(store, 'report.units', all);
      return view(store, a.unit, a.period ?? thisMonth());
    },
  };
}
