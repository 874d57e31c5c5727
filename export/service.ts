// The whole service: every area's handlers merged into the one map of core/api.ts.
// Electron main, the CLI and the end-to-end tests all build it with createService().
import type { ServiceHandlers } from '../core/api';
import { dataHandlers, type ServiceContext } from '../db/handlers';
import { reportHandlers } from './report/handlers';
import { qualityHandlers } from '../db/quality.handlers';
import { bundleHandlers } from '../service/bundle';

export type { ServiceContext };

export function createService(ctx: ServiceContext): ServiceHandlers {
  return {
    ...dataHandlers(ctx),
    ...reportHandlers(ctx),
    ...qualityHandlers(ctx),
    ...bundleHandlers(ctx),
  };
}
