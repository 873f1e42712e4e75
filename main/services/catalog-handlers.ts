import type { Handlers } from '../../domain/api/contract';
import type { AppContext } from './context';
import { loadCatalog, loadTerm } from './reference';

export const catalogHandlers = (ctx: AppContext) =>
  ({
    getCatalog: () => loadCatalog(ctx.db),
    getTerm: () => loadTerm(ctx.db),
  }) satisfies Partial<Handlers>;
