// The data-quality operations of the API contract, implemented on a Store.
import type { ServiceHandlers } from '../core/api';
import type { QualityResults } from '../core/api/quality';
import type { Lang } from '../core/format';
import { parseLang } from '../core/i18n';
import { currentUser, type ServiceContext } from './handlers';
import { checkCell, listRules, markComplete, monthStatus, reopenMonth, rulesOf, validateMonth } from './quality';
import { getSetting } from './settings.repo';
import { assertNotReceived } from './values.repo';

export type QualityOperation = keyof QualityResults;

export function qualityHandlers(ctx: ServiceContext): Pick<ServiceHandlers, QualityOperation> {
  const { store } = ctx;
  const now = () => (ctx.now ? ctx.now() : new Date());
  // The language of messages: the caller's, else the installation's.
  const langOf = (a: { lang?: Lang | undefined }): Lang => a.lang ?? parseLang(getSetting<string>(store, 'ui.lang') ?? 'vi');
  // Compile the rules now, when the service starts, so a bad rule file is reported at once.
  rulesOf(store);
  return {
    'quality.validate': (a) => validateMonth(store, a.unit, a.period, langOf(a)),
    'quality.rules': (a) => listRules(store, langOf(a)),
    'quality.checkCell': (a) => checkCell(store, a.unit, a.period, a.element, a.value, langOf(a)),
    'period.status': (a) => monthStatus(store, a.unit, a.period),
    // A received unit's month status is its sender's, like its values.
    'period.markComplete': (a) => {
      assertNotReceived(store, a.unit);
      return markComplete(store, a.unit, a.period, currentUser(store), now(), langOf(a));
    },
    'period.reopen': (a) => {
      assertNotReceived(store, a.unit);
      return reopenMonth(store, a.unit, a.period, currentUser(store), now());
    },
  };
}
