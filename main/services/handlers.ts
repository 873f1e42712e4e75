import type { Handlers } from '../../domain/api/contract';
import { attachmentHandlers } from './attachment-handlers';
import { bundleHandlers } from './bundle-handlers';
import type { Verifier } from './bundle-verify';
import { catalogHandlers } from './catalog-handlers';
import type { AppContext } from './context';
import { draftingHandlers } from './drafting-handlers';
import { officeHandlers } from './office-handlers';
import { setupHandlers } from './setup-handlers';
import { startupHandlers } from './startup-handlers';

export interface HandlerOptions {
  /** The verifier of the office's imports (the app's kept workers); without it each import starts its own. */
  importVerifier?: Verifier | undefined;
  /** Starts the app's kept verify threads ahead of an import (prepareImport); without it nothing is started. */
  prepareImportWorkers?: (() => void) | undefined;
}

/** Every operation of the contract, implemented over one AppContext. */
export function createHandlers(ctx: AppContext, options: HandlerOptions = {}): Handlers {
  return {
    ...setupHandlers(ctx),
    ...startupHandlers(),
    ...catalogHandlers(ctx),
    ...draftingHandlers(ctx),
    ...bundleHandlers(ctx, {
      ...(options.importVerifier ? { verifier: options.importVerifier } : {}),
      ...(options.prepareImportWorkers ? { prepareWorkers: options.prepareImportWorkers } : {}),
    }),
    ...officeHandlers(ctx),
    ...attachmentHandlers(ctx),
  };
}
