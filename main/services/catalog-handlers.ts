import type { Handlers } from '../../domain/api/contract';
import { catalogFileSummary, exportCatalogWorkbook, readCatalogFile } from './catalog-file';
import { applyCatalogChange, previewCatalogChange } from './catalog-change';
import type { AppContext } from './context';
import { localToday } from './local-today';
import { loadCatalog, loadTerm } from './reference';

export const catalogHandlers = (ctx: AppContext) =>
  ({
    getCatalog: () => loadCatalog(ctx.db),
    getTerm: () => loadTerm(ctx.db),
    getToday: () => ({ today: localToday(ctx.now()) }),
    exportCatalogWorkbook: () => exportCatalogWorkbook(ctx),
    previewCatalogChange: (file) => previewCatalogChange(ctx, file),
    applyCatalogChange: (input) => applyCatalogChange(ctx, input),
    checkCatalogFile: (file) => {
      const { catalog, term } = readCatalogFile(file);
      return catalogFileSummary(catalog, term);
    },
  }) satisfies Partial<Handlers>;
