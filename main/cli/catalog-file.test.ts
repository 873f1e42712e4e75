import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import { seoulMinseon7Term } from '../../domain/term/load';
import { readCatalogWorkbook } from '../catalog/catalog-workbook';
import { findSoffice, resaveWithLibreOffice } from '../reports/test-support/libreoffice';
import { runPledge } from './test-io';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pledge-catalog-file-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const soffice = findSoffice();

describe('pledge catalog --xlsx and pledge setup --catalog', () => {
  it('writes the built-in list, and a folder started from the file after an edit holds the edit', async () => {
    const file = join(work, '목록.xlsx');
    const written = await runPledge('catalog', '--xlsx', file);
    expect(written.code).toBe(0);
    expect(written.err).toContain('238개 세부사업, 민선7기');

    // The office renames a project and moves the term by four years, in the file, as in a spreadsheet.
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
    const list = wb.Sheets['공약사업 목록'];
    const info = wb.Sheets['기본 정보'];
    if (!list || !info) throw new Error('sheets');
    const row =
      XLSX.utils.sheet_to_json<unknown[]>(list, { header: 1 }).findIndex((r) => r[6] === '1-1-1') + 1;
    list[`H${row}`] = { t: 's', v: '서울형 창업 지원 (개정)' };
    const infoRows = XLSX.utils.sheet_to_json<unknown[]>(info, { header: 1 });
    const rowOf = (label: string) => infoRows.findIndex((r) => r[0] === label) + 1;
    info[`B${rowOf('임기 이름')}`] = { t: 's', v: '민선8기' };
    info[`B${rowOf('임기 시작')}`] = { t: 's', v: '2022-07' };
    info[`B${rowOf('임기 끝')}`] = { t: 's', v: '2026-06' };
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const data = join(work, 'data');
    const setup = await runPledge('setup', '--data', data, '--role', 'office', '--catalog', file);
    expect(setup.code).toBe(0);
    expect(setup.out).toContain('임기: 민선8기 2022-07 ~ 2026-06');
    const tree = await runPledge('catalog', '--data', data, '--json');
    const projects = (
      JSON.parse(tree.out) as { areas: { corePledges: { projects: { id: string; name: string }[] }[] }[] }
    ).areas.flatMap((a) => a.corePledges.flatMap((c) => c.projects));
    expect(projects).toHaveLength(238);
    expect(projects.find((p) => p.id === '1-1-1')?.name).toBe('서울형 창업 지원 (개정)');
    expect(projects.find((p) => p.id === '1-1-2')?.name).toBe(
      seoulMinseon7Catalog.projects.find((p) => p.id === '1-1-2')?.name,
    );
  });

  it('refuses a broken file with its problems and makes no folder', async () => {
    const file = join(work, '목록.xlsx');
    await runPledge('catalog', '--xlsx', file);
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
    const list = wb.Sheets['공약사업 목록'];
    if (!list) throw new Error('sheet');
    list['I2'] = { t: 's', v: '' };
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const data = join(work, 'data');
    const result = await runPledge('setup', '--data', data, '--role', 'office', '--catalog', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain("'공약사업 목록' 시트 2행 주관부서: 1-1-1의 주관부서를 적으세요.");
    expect(existsSync(data)).toBe(false);
  });

  it('replaces an office folder’s list with --replace: shown first, taken with --yes, refused with the reason', async () => {
    const data = join(work, 'office');
    expect((await runPledge('setup', '--data', data, '--role', 'office')).code).toBe(0);
    const file = join(work, '개정.xlsx');
    await runPledge('catalog', '--data', data, '--xlsx', file);
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
    const list = wb.Sheets['공약사업 목록'];
    const info = wb.Sheets['기본 정보'];
    if (!list || !info) throw new Error('sheets');
    const sameVersion = XLSX.write(
      (() => {
        list['H2'] = { t: 's', v: '핀테크 생태계 (개정)' };
        return wb;
      })(),
      { type: 'buffer', bookType: 'xlsx' },
    ) as Buffer;
    writeFileSync(file, sameVersion);
    const refused = await runPledge('catalog', '--data', data, '--replace', file, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('목록 판이 지금 목록과 같습니다');

    const versionRow =
      XLSX.utils.sheet_to_json<unknown[]>(info, { header: 1 }).findIndex((r) => r[0] === '목록 판') + 1;
    info[`B${versionRow}`] = { t: 's', v: '2019-03-01 개정' };
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const old = seoulMinseon7Catalog.projects.find((p) => p.id === '1-1-1')?.name;
    const shown = await runPledge('catalog', '--data', data, '--replace', file);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`세부사업 1-1-1 이름: ${old} → 핀테크 생태계 (개정)`);
    expect(shown.out).toContain('--yes');
    const unchanged = await runPledge('catalog', '--data', data, '--json');
    expect(unchanged.out).toContain(old ?? '');

    const taken = await runPledge('catalog', '--data', data, '--replace', file, '--yes');
    expect(taken.code).toBe(0);
    expect(taken.out).toContain('판 2019-03-01 개정');
    const after = await runPledge('catalog', '--data', data, '--json');
    expect(after.out).toContain('핀테크 생태계 (개정)');
  });

  it.skipIf(soffice === null)('reads the file back after LibreOffice Calc opened and saved it', async () => {
    const file = join(work, 'catalog.xlsx');
    expect((await runPledge('catalog', '--xlsx', file)).code).toBe(0);
    const resaved = resaveWithLibreOffice(soffice ?? 'soffice', file, work);
    const read = readCatalogWorkbook(readFileSync(resaved));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.catalog).toEqual(seoulMinseon7Catalog);
    expect(read.term).toEqual(seoulMinseon7Term);
  });
});
