// The application service: every area's handlers merged into the one map of core/api.ts.
// Electron main (through IPC), the CLI and the end-to-end bridge all build it with
// createService() and call it through core's dispatch(); nothing here knows which host runs it.
import type { ServiceHandlers } from '../core/api';
import { dataHandlers, type ServiceContext } from './data';
import { qualityHandlers } from './quality.handlers';
import { reportHandlers } from './report';
import { bundleHandlers } from './bundle';
import { workbookHandlers } from './workbook';
import { statusHandlers } from './status';
import { dhis2Handlers } from './dhis2';
import { indicatorsHandlers } from './indicators';
import { unitsHandlers, withLevelNames } from './units';
import { entryHandlers } from './entry';
import { unitSettingsHandlers } from './unit-settings';
import { plansHandlers } from './plans';

export type { ServiceContext };

export function createService(ctx: ServiceContext): ServiceHandlers {
  return withLevelNames(ctx.store, {
    ...dataHandlers(ctx),
    ...reportHandlers(ctx),
    ...qualityHandlers(ctx),
    ...bundleHandlers(ctx),
    ...workbookHandlers(ctx),
    ...statusHandlers(ctx),
    ...dhis2Handlers(ctx),
    ...indicatorsHandlers(ctx),
    ...unitsHandlers(ctx),
    ...entryHandlers(ctx),
    ...unitSettingsHandlers(ctx),
    ...plansHandlers(ctx),
  });
}
