// The plans area (core/api/plans.ts): annual targets, set by the installation's user.
import type { PlansResults, ServiceHandlers } from '../core/api';
import { copyPlans, planRows, setPlan } from '../db/plans.repo';
import { clockOf, currentUser, type ServiceContext } from './data';

export function plansHandlers(ctx: ServiceContext): Pick<ServiceHandlers, keyof PlansResults> {
  const { store } = ctx;
  const now = clockOf(ctx);
  return {
    'plans.get': (a) => ({ unit: a.unit, year: a.year, rows: planRows(store, a.unit, a.year) }),
    'plans.set': (a) =>
      setPlan(store, { unit: a.unit, year: a.year, element: a.element, target: a.target, direction: a.direction ?? '>=' }, currentUser(ctx), now()),
    'plans.copyYear': (a) => copyPlans(store, a.unit, a.from, a.to, a.overwrite === true, currentUser(ctx), now()),
  };
}
