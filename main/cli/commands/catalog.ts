import { moveLines } from '../../../domain/catalog/assignments';
import { parseArgs } from 'node:util';
import type { Catalog } from '../../../domain/catalog/types';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { seoulMinseon7Term } from '../../../domain/term/load';
import { fileWriteError, writeFileAtomic } from '../../bundles/atomic-file';
import { writeCatalogWorkbook } from '../../catalog/catalog-workbook';
import { loadCatalog, loadTerm } from '../../services/reference';
import { checkXlsxTarget } from './report';
import { printJson, UsageError, type CliIo } from '../io';
import { runCatalogReplace } from './catalog-replace';
import { withData } from '../data-context';

export const catalogHelp = `pledge catalog [--json] [--data DIR] [--xlsx FILE]
pledge catalog --data DIR --replace FILE.xlsx [--yes]
  공약사업 목록(분야 → 핵심공약 → 세부사업)과 주관부서를 출력합니다.
  --data DIR   이 데이터 폴더에 저장된 목록을 출력 (--data 가 없으면 프로그램에 내장된 목록)
  --json       JSON으로 출력
  --xlsx FILE  목록과 임기를 공약사업 목록 파일(엑셀)로 저장: 고쳐서 'pledge setup --catalog FILE' 로
               새 데이터 폴더를 시작할 수 있습니다 (FILE 이 들어갈 폴더는 이미 있어야 함)
  --replace FILE.xlsx  기획담당관: 이 데이터 폴더의 목록을 고친 목록 파일로 바꿉니다. 바뀌는 내용을 먼저
               출력하고, --yes 가 있을 때만 바꿉니다. 받은 문서·등록된 키와 맞지 않는 변경은 거부합니다.`;

/** The catalog as a tree, for people and programs. */
export function catalogTree(catalog: Catalog) {
  return {
    id: catalog.id,
    title: catalog.title,
    version: catalog.version,
    totals: {
      areas: catalog.areas.length,
      corePledges: catalog.corePledges.length,
      projects: catalog.projects.length,
    },
    areas: catalog.areas.map((area) => ({
      id: area.id,
      name: area.name,
      corePledges: catalog.corePledges
        .filter((c) => c.areaId === area.id)
        .map((core) => ({
          id: core.id,
          name: core.name,
          campaignNumber: core.campaignNumber,
          campaignCategory: core.campaignCategory,
          projects: catalog.projects
            .filter((p) => p.corePledgeId === core.id)
            .map((p) => ({
              id: p.id,
              name: p.name,
              leadDepartment: p.leadDepartment,
              coDepartments: p.coDepartments,
              subItems: p.subItems,
              ...(p.formerAssignments === undefined ? {} : { formerAssignments: p.formerAssignments }),
            })),
        })),
    })),
  };
}

export async function runCatalog(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: 'boolean' },
      data: { type: 'string' },
      xlsx: { type: 'string' },
      replace: { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  if (values.replace !== undefined) {
    if (values.data === undefined)
      throw new UsageError('--replace 는 --data DIR 로 바꿀 데이터 폴더를 지정해야 합니다.');
    return runCatalogReplace(values.data, values.replace, values.yes === true, io);
  }
  const xlsx = values.xlsx === undefined ? undefined : checkXlsxTarget(values.xlsx, '공약사업목록.xlsx');
  let catalog = seoulMinseon7Catalog;
  let term = seoulMinseon7Term;
  if (values.data !== undefined)
    [catalog, term] = await withData(values.data, (ctx) =>
      Promise.all([loadCatalog(ctx.db), loadTerm(ctx.db)]),
    );
  if (xlsx !== undefined) {
    try {
      writeFileAtomic(xlsx, writeCatalogWorkbook(catalog, term));
    } catch (error) {
      throw fileWriteError(error, xlsx);
    }
    io.err(
      `공약사업 목록 파일을 저장했습니다: ${xlsx} (${catalog.projects.length}개 세부사업, ${term.name})`,
    );
    if (!values.json) return 0;
  }
  const tree = catalogTree(catalog);
  if (values.json) {
    printJson(io, tree);
    return 0;
  }
  io.out(
    `${tree.title} (${tree.totals.areas}개 분야, ${tree.totals.corePledges}개 핵심공약, ${tree.totals.projects}개 세부사업)`,
  );
  for (const area of tree.areas) {
    io.out(`${area.id}. ${area.name}`);
    for (const core of area.corePledges) {
      io.out(`  ${core.id} ${core.name}`);
      for (const p of core.projects) {
        io.out(`    ${p.id} ${p.name} — ${p.leadDepartment}`);
        // 부서 이관: who had the project before, through which half-year.
        for (const line of moveLines(p)) io.out(`      ${line}`);
      }
    }
  }
  return 0;
}
