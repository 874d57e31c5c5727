// The data-quality operations of the API contract, implemented on a Store.
import type { ServiceHandlers } from '../core/api';
import type { QualityResults } from '../core/api/quality';
import type { Lang } from '../core/format';
import { getSetting } from '../db/settings.repo';
import { lockingUnit } from '../db/periods.repo';
import { assertNotReceived } from '../db/values.repo';
import { clockOf, currentUser, type ServiceContext } from './data';
import { markComplete, monthStatus, reopenMonth, rulesOf, validateMonth, withExtraRules } from './quality';

export type QualityOperation = keyof QualityResults;

export function qualityHandlers(ctx: ServiceContext): Pick<ServiceHandlers, QualityOperation> {
  const { store } = ctx;
  const now = clockOf(ctx);
  // The language of messages: the caller's, else the installation's.
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? getSetting(store, 'ui.lang') ?? 'vi';
  // Compile the rules now, when the service starts, so a bad rule file is reported at once.
  rulesOf(store);
  return {
    'quality.validate': (a) => validateMonth(store, a.unit, a.period, langOf(a), withExtraRules(store, a.extraRules ?? [])),
    'period.status': (a) => monthStatus(store, a.unit, a.period),
    'period.locked': (a) => a.units.filter((u) => lockingUnit(store, u, a.period) !== null),
    'period.markComplete': (a) => {
      assertNotReceived(store, a.unit);
      return markComplete(store, a.unit, a.period, currentUser(ctx), now(), langOf(a));
    },
    'period.reopen': (a) => {
      assertNotReceived(store, a.unit);
      return reopenMonth(store, a.unit, a.period, currentUser(ctx), now());
    },
  };
}
