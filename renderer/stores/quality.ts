// Live checks of the month (quality.validate): which cells break a rule or look unusual
// against their history, and how complete the month is. Re-run after every save.
import { create } from 'zustand';
import type { ValidationResult } from '../../core/api';
import type { Lang } from '../../core/format';
import { invoke, messageOf } from '../api';
import { cellKey } from './entry';
import { onDatabaseChange } from './database';

export interface CellFlag {
  kind: 'violation' | 'outlier';
  messages: string[];
}

export interface QualityState {
  key: string | null;
  result: ValidationResult | null;
  /** `${unit}|${element}` → what is wrong with the cell. */
  flags: Record<string, CellFlag>;
  error: string | null;
}

export const initialQuality: QualityState = { key: null, result: null, flags: {}, error: null };

interface QualityActions {
  check: (unit: string, period: string, lang: Lang) => Promise<void>;
}

/** Cell flags from a validation: a rule's violation marks every cell it reads, on its unit. */
export function flagsOf(result: ValidationResult): Record<string, CellFlag> {
  const flags: Record<string, CellFlag> = {};
  for (const v of result.violations) {
    for (const e of v.elements) {
      const f = (flags[cellKey(v.unit, e)] ??= { kind: 'violation', messages: [] });
      f.kind = 'violation';
      f.messages.push(v.message);
    }
  }
  for (const o of result.outliers) {
    const f = (flags[cellKey(o.unit, o.element)] ??= { kind: 'outlier', messages: [] });
    f.messages.push(o.message);
  }
  return flags;
}

export const useQuality = create<QualityState & QualityActions>()((set, get) => ({
  ...initialQuality,

  async check(unit, period, lang) {
    const key = `${unit}|${period}`;
    set({ key });
    try {
      const result = await invoke('quality.validate', { unit, period, lang });
      if (get().key === key) set({ result, flags: flagsOf(result), error: null });
    } catch (e) {
      if (get().key === key) set({ error: messageOf(e) });
    }
  },

}));

// Another database: nothing read from the old one stays.
onDatabaseChange(() => useQuality.setState(initialQuality));
