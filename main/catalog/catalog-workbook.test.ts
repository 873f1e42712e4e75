import * as XLSX from 'xlsx';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { seoulMinseon7Catalog } from '../../domain/catalog/load';
import type { Catalog } from '../../domain/catalog/types';
import { seoulMinseon7Term } from '../../domain/term/load';
import { listPeriods } from '../../domain/term/periods';
import { readCatalogWorkbook, writeCatalogWorkbook, zipDeclaredSize } from './catalog-workbook';
import { readUnchecked, savedAsExcel, silentFlip, smallCityWorkbook } from './test-support';

const sheetRows = (bytes: Buffer, name: string): unknown[][] => {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const sheet = wb.Sheets[name];
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
};

/** A workbook with the built-in file's sheets, one cell changed. */
function edited(bytes: Buffer, sheetName: string, address: string, value: string | number | null): Buffer {
  const wb = XLSX.read(bytes, { type: 'buffer' });
  const sheet = wb.Sheets[sheetName];
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  if (value === null) delete sheet[address];
  else sheet[address] = typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('공약사업 목록 파일', () => {
  const bytes = writeCatalogWorkbook(seoulMinseon7Catalog, seoulMinseon7Term);

  it('reads back exactly the catalog and the term it was written from', () => {
    const read = readCatalogWorkbook(bytes);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.catalog).toEqual(seoulMinseon7Catalog);
    expect(read.term).toEqual(seoulMinseon7Term);
  });

  it('writes one row per 세부사업 with 관리번호 as text and 협조부서 and 세부항목 readable', () => {
    const rows = sheetRows(bytes, '공약사업 목록');
    expect(rows[0]).toEqual([
      '분야',
      '정책내용',
      '핵심공약',
      '핵심공약명',
      '공약번호',
      '공약분류',
      '세부사업',
      '세부사업명',
      '주관부서',
      '협조부서',
      '세부항목',
    ]);
    expect(rows).toHaveLength(1 + seoulMinseon7Catalog.projects.length);
    const withCo = seoulMinseon7Catalog.projects.find((p) => p.coDepartments.length > 0);
    const withItems = seoulMinseon7Catalog.projects.find((p) => p.subItems.length > 1);
    if (!withCo || !withItems) throw new Error('the seed has shared projects and sub-items');
    const rowOf = (id: string) => rows.find((r) => r[6] === id);
    expect(rowOf(withCo.id)?.[9]).toBe(withCo.coDepartments.join(', '));
    expect(String(rowOf(withItems.id)?.[10]).split('\n')[0]).toBe(`① ${withItems.subItems[0]}`);
    expect(typeof rowOf('1-1-1')?.[6]).toBe('string');
  });

  it('names the sheet, the row and the column of each problem, and reads nothing then', () => {
    const broken = edited(
      edited(edited(bytes, '공약사업 목록', 'G3', '1-1-1'), '공약사업 목록', 'I5', null),
      '기본 정보',
      'B9',
      '2022.7',
    );
    const read = readCatalogWorkbook(broken);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      "'기본 정보' 시트 10행 임기 끝: 임기 끝(2022-06)이 임기 시작(2022-07)보다 앞섭니다.",
      "'공약사업 목록' 시트 3행 세부사업: 1-1-1은 2행에도 있습니다. 번호는 한 번씩만 씁니다.",
      `'공약사업 목록' 시트 5행 주관부서: ${String(sheetRows(bytes, '공약사업 목록')[4]?.[6])}의 주관부서를 적으세요.`,
    ]);
  });

  it('writes the 부서 이관 sheet, its header row alone when no project moved', () => {
    const wb = XLSX.read(bytes, { type: 'buffer', cellStyles: true });
    expect(wb.SheetNames).toEqual(['기본 정보', '분야', '공약사업 목록', '부서 이관']);
    expect(sheetRows(bytes, '부서 이관')).toEqual([['세부사업', '마지막 반기', '주관부서', '협조부서']]);
    expect(wb.Sheets['부서 이관']?.['!cols']?.length).toBe(4);
  });

  it('reads back the moves of a reorganisation through a real .xlsx file', () => {
    const [shared, single] = [
      seoulMinseon7Catalog.projects.find((p) => p.coDepartments.length > 0),
      seoulMinseon7Catalog.projects.find((p) => p.coDepartments.length === 0),
    ];
    if (!shared || !single) throw new Error('the seed has shared and single-department projects');
    // A lead that differs from the project's own: another department of the seed.
    const other = (lead: string) => {
      const found = seoulMinseon7Catalog.projects.find((p) => p.leadDepartment !== lead)?.leadDepartment;
      if (found === undefined) throw new Error('the seed has several departments');
      return found;
    };
    const moves = new Map([
      [
        shared.id,
        [
          { through: '2018-H2', leadDepartment: other(shared.leadDepartment), coDepartments: [] },
          {
            through: '2020-H1',
            leadDepartment: other(shared.leadDepartment),
            coDepartments: [shared.leadDepartment],
          },
        ],
      ],
      [single.id, [{ through: '2021-H2', leadDepartment: other(single.leadDepartment), coDepartments: [] }]],
    ]);
    const moved: Catalog = {
      ...seoulMinseon7Catalog,
      projects: seoulMinseon7Catalog.projects.map((p) => {
        const formerAssignments = moves.get(p.id);
        return formerAssignments === undefined ? p : { ...p, formerAssignments };
      }),
    };
    const file = writeCatalogWorkbook(moved, seoulMinseon7Term);
    const rows = sheetRows(file, '부서 이관');
    expect(rows).toHaveLength(1 + 3);
    // In catalog order, then earliest first; 협조부서 as on 공약사업 목록.
    const order = moved.projects.filter((p) => moves.has(p.id)).map((p) => p.id);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      order.flatMap((id) => (moves.get(id) ?? []).map(() => id)),
    );
    expect(rows.find((r) => r[0] === shared.id && r[1] === '2020년 상반기')?.[3]).toBe(shared.leadDepartment);
    const read = readCatalogWorkbook(file);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.catalog).toEqual(moved);
    expect(read.term).toEqual(seoulMinseon7Term);
  });

  it('reads a file without the 부서 이관 sheet (written before moves were kept) as a list without moves', () => {
    const wb = XLSX.read(bytes, { type: 'buffer' });
    wb.SheetNames = wb.SheetNames.filter((name) => name !== '부서 이관');
    delete wb.Sheets['부서 이관'];
    const older = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    expect(XLSX.read(older, { type: 'buffer' }).SheetNames).not.toContain('부서 이관');
    const read = readCatalogWorkbook(older);
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.catalog).toEqual(seoulMinseon7Catalog);
    expect(read.catalog.projects.some((p) => 'formerAssignments' in p)).toBe(false);
  });

  it('names a problem of the 부서 이관 sheet by its row and column', () => {
    const project = seoulMinseon7Catalog.projects[0];
    if (project === undefined) throw new Error('the seed has projects');
    // The office types a row under the header (sheet_add_aoa widens the sheet's range as Excel does).
    const wb = XLSX.read(bytes, { type: 'buffer' });
    const sheet = wb.Sheets['부서 이관'];
    if (sheet === undefined) throw new Error('no sheet 부서 이관');
    const labels = listPeriods(seoulMinseon7Term).map((p) => p.label);
    const [secondLast, last] = [labels.at(-2), labels.at(-1)];
    XLSX.utils.sheet_add_aoa(sheet, [[project.id, last, '행정국']], { origin: 'A2' });
    const typed = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const read = readCatalogWorkbook(typed);
    expect(read).toEqual({
      ok: false,
      problems: [
        `'부서 이관' 시트 2행 마지막 반기: ${last}는 임기의 마지막 반기입니다. ` +
          `지금의 부서가 적어도 한 반기는 맡도록 ${secondLast}까지로 적으세요.`,
      ],
      more: 0,
    });
  });

  it('refuses a small file that would unpack to hundreds of megabytes, before unpacking it', async () => {
    // A real zip whose one entry inflates to 200 MB of zeros (about 200 KB packed).
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(200 * 1024 * 1024), 'xl/worksheets/sheet1.xml', { compress: true });
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const bomb = Buffer.concat(chunks);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const read = readCatalogWorkbook(bomb);
    expect(read).toEqual({
      ok: false,
      problems: [
        '압축을 풀면 200 MB(항목 1개)가 되는 파일입니다. 공약사업 목록 파일로는 너무 커서 열지 않았습니다.',
      ],
      more: 0,
    });
    expect(zipDeclaredSize(bytes)?.entries).toBeGreaterThan(3);
  });

  it('refuses what is not an .xlsx file by saying so', () => {
    const csv = Buffer.from('분야,분야명\n=1+1,미래\n', 'utf8');
    const read = readCatalogWorkbook(csv);
    expect(read).toMatchObject({ ok: false });
    if (!read.ok) expect(read.problems[0]).toContain('.xlsx');
    const truncated = readCatalogWorkbook(bytes.subarray(0, 200));
    expect(truncated.ok).toBe(false);
  });

  describe('a damaged file (one flipped bit, cut short)', () => {
    // As Excel saves it: the names in xl/sharedStrings.xml, every entry deflated.
    const excel = savedAsExcel(bytes);

    it('reads the list as Excel saves it', () => {
      const read = readCatalogWorkbook(excel);
      if (!read.ok) throw new Error(read.problems.join('\n'));
      expect(read.catalog).toEqual(seoulMinseon7Catalog);
      expect(read.term).toEqual(seoulMinseon7Term);
    });

    it('refuses a flipped bit in xl/sharedStrings.xml that SheetJS alone reads as other names', () => {
      const small = savedAsExcel(smallCityWorkbook());
      const { damaged } = silentFlip(small, 'xl/sharedStrings.xml');
      // What the program read before the zip check: a valid list, but not this one.
      const unchecked = readUnchecked(damaged);
      expect(unchecked?.ok).toBe(true);
      expect(unchecked).not.toEqual(readCatalogWorkbook(small));
      expect(readCatalogWorkbook(damaged)).toEqual({
        ok: false,
        problems: [
          '공약사업 목록 파일이 손상되었습니다 (압축 항목 xl/sharedStrings.xml의 검사값이 맞지 않습니다). ' +
            '원본 파일을 다시 받아 고르세요.',
        ],
        more: 0,
      });
    });

    it('reads no one-bit flip anywhere in a file as another list (every third byte, each bit in turn)', () => {
      // Without the zip check SheetJS never returns on some of these (a flipped bit in a local header's extra
      // field length of xl/theme/theme1.xml), and reads others as other names.
      const small = savedAsExcel(smallCityWorkbook());
      const intact = readCatalogWorkbook(small);
      expect(intact.ok).toBe(true);
      const intactJson = JSON.stringify(intact);
      let refused = 0;
      for (let at = 0; at < small.length; at += 3) {
        const damaged = Buffer.from(small);
        damaged[at] = (damaged[at] ?? 0) ^ (1 << (at % 8));
        const read = readCatalogWorkbook(damaged);
        if (read.ok) expect(JSON.stringify(read) === intactJson, `bit ${at % 8} of byte ${at}`).toBe(true);
        else refused++;
      }
      // Only header fields no reader uses (times, versions, attributes) can change unseen.
      expect(refused).toBeGreaterThan((small.length / 3) * 0.9);
    });

    it('refuses a file cut short as damaged', () => {
      // One byte short, SheetJS alone still read the whole list.
      for (const length of [excel.length - 1, excel.length - 22, Math.floor(excel.length / 2), 200]) {
        const read = readCatalogWorkbook(excel.subarray(0, length));
        expect(read.ok, `cut to ${length} bytes`).toBe(false);
        if (read.ok) return;
        expect(read.problems).toEqual([
          '공약사업 목록 파일이 손상되었습니다 (파일이 잘렸거나 끝부분이 손상되어 압축 목록을 찾을 수 없습니다). ' +
            '원본 파일을 다시 받아 고르세요.',
        ]);
      }
    });
  });

  it('says a 공약사업 목록 sheet whose first row names no column is damaged or another form', () => {
    const wb = XLSX.read(bytes, { type: 'buffer' });
    const sheet = wb.Sheets['공약사업 목록'];
    if (sheet === undefined) throw new Error('no sheet 공약사업 목록');
    // Row 1 as a damaged file's strings read: not one column name left.
    const garbled = ['�:�d', '�됩니다', '뷄야', '', '세부샤업', '쏠', '�', '주관뷀서', '', '협조', '?'];
    XLSX.utils.sheet_add_aoa(sheet, [garbled], { origin: 'A1' });
    const read = readCatalogWorkbook(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]).toBe(
      "'공약사업 목록' 시트 1행에서 열 이름을 하나도 읽지 못했습니다. 파일이 손상되었거나 " +
        '이 프로그램의 공약사업 목록 양식이 아닙니다 (1행에 적는 열 이름: 분야, 정책내용, 핵심공약, 핵심공약명, ' +
        '공약번호, 공약분류, 세부사업, 세부사업명, 주관부서, 협조부서, 세부항목).',
    );
    expect(read.problems.join('\n')).not.toContain('열이 없습니다');
  });
});
