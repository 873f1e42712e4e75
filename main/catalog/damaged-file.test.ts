import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { seoulMinseon7Term } from '../../domain/term/load';
import { makeTempDir } from '../../db/test/temp-dir';
import { dumpDatabase } from '../services/bundle-test-support';
import { createAppContext, type AppContext } from '../services/context';
import { dispatch } from '../services/dispatch';
import { createHandlers } from '../services/handlers';
import { loadCatalog } from '../services/reference';
import { useOfficeHarness } from '../services/test-support/office-harness';
import { writeCatalogWorkbook } from './catalog-workbook';
import { readUnchecked, savedAsExcel, silentFlip, smallCityWorkbook } from './test-support';

/**
 * A 공약사업 목록 파일 with one flipped bit in xl/sharedStrings.xml's deflated bytes, which SheetJS alone reads as
 * a valid list with other names: refused where a list file is taken, and nothing stored.
 */

const DAMAGED =
  '공약사업 목록 파일이 손상되었습니다 (압축 항목 xl/sharedStrings.xml의 검사값이 맞지 않습니다). ' +
  '원본 파일을 다시 받아 고르세요.';

/** The file, damaged: what it read as before the zip check was a valid list, and not the file's. */
function damagedFile(bytes: Buffer, name: string) {
  const excel = savedAsExcel(bytes);
  const { damaged } = silentFlip(excel, 'xl/sharedStrings.xml');
  const unchecked = readUnchecked(damaged);
  expect(unchecked?.ok).toBe(true);
  expect(unchecked).not.toEqual(readUnchecked(excel));
  return { name, dataBase64: damaged.toString('base64') };
}

describe('a damaged 공약사업 목록 파일 at 처음 설정', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let ctx: AppContext;
  beforeEach(async () => {
    dir = makeTempDir();
    ctx = await createAppContext({
      profileDir: join(dir.path, 'profile'),
      mode: 'browser',
      appVersion: 'test',
    });
  });
  afterEach(async () => {
    await ctx.close();
    dir.remove();
  });

  it('is refused as damaged, and no data folder is set up', async () => {
    const file = damagedFile(smallCityWorkbook(), '가람시_공약.xlsx');
    const checked = await dispatch(createHandlers(ctx), 'checkCatalogFile', file);
    expect(checked).toMatchObject({ ok: false, error: { code: 'CATALOG_FILE_INVALID' } });
    if (!checked.ok)
      expect(checked.error.message).toBe(
        `가람시_공약.xlsx 파일을 공약사업 목록으로 읽을 수 없습니다:\n- ${DAMAGED}`,
      );

    const folder = join(dir.path, 'garam');
    const saved = await dispatch(createHandlers(ctx), 'saveSetup', {
      role: 'department',
      department: '아동보육과',
      dataDir: folder,
      catalogFile: file,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'CATALOG_FILE_INVALID' } });
    if (!saved.ok) expect(saved.error.message).toContain(DAMAGED);
    expect(existsSync(folder)).toBe(false);
    expect(await dispatch(createHandlers(ctx), 'getSetup', {})).toMatchObject({
      ok: true,
      value: { configured: false },
    });
  });
});

describe('a damaged 공약사업 목록 파일 at 공약사업 목록 바꾸기 (the office)', () => {
  const h = useOfficeHarness();

  it('is refused as damaged by the preview and the change, and the folder is unchanged', async () => {
    const revised = { ...seoulMinseon7Catalog, version: '2019-03-01 개정' };
    const file = damagedFile(writeCatalogWorkbook(revised, seoulMinseon7Term), '개정목록.xlsx');
    const handlers = createHandlers(h.office);
    const before = await dumpDatabase(h.office);
    for (const attempt of [
      () => handlers.previewCatalogChange(file),
      () => handlers.applyCatalogChange({ ...file, currentVersion: seoulMinseon7Catalog.version }),
    ])
      await expect(attempt()).rejects.toMatchObject({
        code: 'CATALOG_FILE_INVALID',
        message: `개정목록.xlsx 파일을 공약사업 목록으로 읽을 수 없습니다:\n- ${DAMAGED}`,
      });
    expect(await dumpDatabase(h.office)).toEqual(before);
    expect(await loadCatalog(h.office.db)).toEqual(seoulMinseon7Catalog);
  });
});
