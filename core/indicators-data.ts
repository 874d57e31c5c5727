// The province's plan indicators shipped in resources/indicators/, validated once against the catalogue.
import type { Catalogue } from './catalogue';
import { buildIndicatorSet, type IndicatorSet } from './indicators';
import plan from '../resources/indicators/province-plan.json';

const cached = new WeakMap<Catalogue, IndicatorSet>();

export function shippedIndicators(catalogue: Catalogue): IndicatorSet {
  let s = cached.get(catalogue);
  if (!s) {
    s = buildIndicatorSet(plan, catalogue);
    cached.set(catalogue, s);
  }
  return s;
}
