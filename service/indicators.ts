// The province's plan indicators (core/api/indicators.ts).
import type { ServiceHandlers } from '../core/api';
import { getIndicators } from '../db/indicators.repo';
import type { ServiceContext } from './data';

export function indicatorsHandlers(ctx: ServiceContext): Pick<ServiceHandlers, 'indicators.get'> {
  return {
    'indicators.get': (a) => getIndicators(ctx.store, a.unit, a.period),
  };
}
