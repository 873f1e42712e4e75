import type { Handlers } from '../../domain/api/contract';
import { bundleHandlers } from './bundle-handlers';
import { catalogHandlers } from './catalog-handlers';
import type { AppContext } from './context';
import { draftingHandlers } from './drafting-handlers';
import { officeHandlers } from './office-handlers';
import { setupHandlers } from './setup-handlers';
import { startupHandlers } from './startup-handlers';

/** Every operation of the contract, implemented over one AppContext. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...setupHandlers(ctx),
    ...startupHandlers(),
    ...catalogHandlers(ctx),
    ...draftingHandlers(ctx),
    ...bundleHandlers(ctx),
    ...officeHandlers(ctx),
  };
}
