import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { listPeriods } from '../../domain/term/periods';
import { saveDocument } from '../../db/documents';
import { makeTempDir } from '../../db/test/temp-dir';
import { readCatalogWorkbook } from '../catalog/catalog-workbook';
import { SMALL_CITY, smallCityWorkbook } from '../catalog/test-support';
import { createAppContext, type AppContext } from './context';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';

let dir: ReturnType<typeof makeTempDir>;
let ctx: AppContext;
const open = () =>
  createAppContext({ profileDir: join(dir.path, 'profile'), mode: 'browser', appVersion: 'test' });

beforeEach(async () => {
  dir = makeTempDir();
  ctx = await open();
});
afterEach(async () => {
  await ctx.close();
  dir.remove();
});

const smallCityFile = () => ({
  name: '가람시_공약.xlsx',
  dataBase64: smallCityWorkbook().toString('base64'),
});

describe('공약사업 목록 파일 at 처음 설정', () => {
  it('starts a new folder with another city’s list and term, kept across restarts', async () => {
    const checked = await dispatch(createHandlers(ctx), 'checkCatalogFile', smallCityFile());
    expect(checked).toEqual({
      ok: true,
      value: {
        city: SMALL_CITY.city,
        title: SMALL_CITY.title,
        version: '2022-09-30',
        termName: '민선8기',
        termStart: '2022-07',
        termEnd: '2026-06',
        areas: 2,
        corePledges: 3,
        projects: SMALL_CITY.projects.length,
        departments: [...SMALL_CITY.departments],
      },
    });

    const folder = join(dir.path, 'garam');
    const saved = await dispatch(createHandlers(ctx), 'saveSetup', {
      role: 'department',
      department: '아동보육과',
      dataDir: folder,
      catalogFile: smallCityFile(),
    });
    expect(saved).toMatchObject({ ok: true, value: { configured: true, department: '아동보육과' } });
    await ctx.close();

    ctx = await open();
    const handlers = createHandlers(ctx);
    const catalog = { value: await handlers.getCatalog({}) };
    expect(catalog.value.city).toBe(SMALL_CITY.city);
    expect(catalog.value.projects.map((p) => [p.id, p.name, p.leadDepartment, p.coDepartments])).toEqual(
      SMALL_CITY.projects.map((p) => [p.id, p.name, p.lead, [...p.co]]),
    );
    const term = { value: await handlers.getTerm({}) };
    expect(listPeriods(term.value).map((p) => [p.id, p.dueDate])).toEqual([
      ['2022-H2', '2023-01-16'], // 2023-01-15 is a Sunday
      ['2023-H1', '2023-07-17'], // 2023-07-15 is a Saturday
      ['2023-H2', '2024-01-15'],
      ['2024-H1', '2024-07-15'],
      ['2024-H2', '2025-01-15'],
      ['2025-H1', '2025-07-15'],
      ['2025-H2', '2026-01-15'],
      ['2026-H1', '2026-07-15'],
    ]);
    // The department's desk lists its own projects from that list.
    const deadlines = { value: await handlers.getDeadlines({ today: '2023-07-03' }) };
    expect(deadlines.value.period?.id).toBe('2023-H1');
    expect(deadlines.value.daysLeft).toBe(14);
    expect(deadlines.value.projects.map((p) => [p.projectId, p.role])).toEqual([['2-1-1', 'lead']]);

    // 공약사업 목록 파일 내보내기 gives back what the folder uses.
    const exported = { value: await handlers.exportCatalogWorkbook({}) };
    expect(exported.value.fileName).toBe('공약사업목록_가람시_민선8기_2022-09-30.xlsx');
    const read = readCatalogWorkbook(Buffer.from(exported.value.dataBase64, 'base64'));
    expect(read.ok && read.catalog).toEqual(catalog.value);
    expect(read.ok && read.term).toEqual(term.value);
  });

  it('takes a department only from the file’s list when a file is given', async () => {
    const result = await dispatch(createHandlers(ctx), 'saveSetup', {
      role: 'department',
      department: '기후환경본부',
      dataDir: join(dir.path, 'garam'),
      catalogFile: smallCityFile(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DEPARTMENT_UNKNOWN' } });
    const setup = await dispatch(createHandlers(ctx), 'getSetup', {});
    expect(setup).toMatchObject({ ok: true, value: { configured: false } });
  });

  it('keeps the list of a folder that holds documents, and changes nothing there', async () => {
    const handlers = createHandlers(ctx);
    const folder = join(dir.path, 'seoul');
    await dispatch(handlers, 'saveSetup', {
      role: 'department',
      department: '기후환경본부',
      dataDir: folder,
    });
    await saveDocument(
      ctx.db,
      {
        kind: 'executionPlan',
        projectId: '4-4-1',
        slot: 'plan',
        department: '기후환경본부',
        json: { draft: 1 },
        reason: 'autosave',
      },
      new Date(),
    );
    const result = await dispatch(handlers, 'saveSetup', {
      role: 'office',
      department: null,
      dataDir: folder,
      confirmIdentityChange: true,
      catalogFile: smallCityFile(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CATALOG_FOLDER_IN_USE' } });
    if (!result.ok)
      expect(result.error.message).toContain('문서 1건이 있어 공약사업 목록을 바꿀 수 없습니다');
    expect(await dispatch(handlers, 'getCatalog', {})).toEqual({ ok: true, value: seoulMinseon7Catalog });
    expect(await dispatch(handlers, 'getSetup', {})).toMatchObject({
      ok: true,
      value: { role: 'department', department: '기후환경본부' },
    });
  });

  it('names what is wrong in a file that is not a list', async () => {
    const notXlsx = {
      name: '목록.csv',
      dataBase64: Buffer.from('분야,분야명\n1,일자리\n').toString('base64'),
    };
    const result = await dispatch(createHandlers(ctx), 'checkCatalogFile', notXlsx);
    expect(result).toMatchObject({ ok: false, error: { code: 'CATALOG_FILE_INVALID' } });
    if (!result.ok) {
      expect(result.error.message).toContain('목록.csv 파일을 공약사업 목록으로 읽을 수 없습니다');
      expect(result.error.message).toContain('엑셀 통합문서(.xlsx) 파일이 아닙니다');
    }
  });
});
