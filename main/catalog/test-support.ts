import * as XLSX from 'xlsx';

/**
 * For tests: a small city's 공약사업 목록 파일 as its planning office would type it in Excel (not written by the
 * program's own writer), the 민선8기 term (2022-07 … 2026-06), two areas, three core pledges, four projects and
 * four departments.
 */
export const SMALL_CITY = {
  city: '가람시',
  title: '민선8기 가람시장 공약사업 목록',
  termName: '민선8기',
  departments: ['경제정책과', '노인복지과', '도시계획과', '아동보육과'],
  projects: [
    { id: '1-1-1', name: '청년 창업 공간 조성', lead: '경제정책과', co: ['도시계획과'] },
    { id: '1-1-2', name: '청년 창업 자금 지원', lead: '경제정책과', co: [] },
    { id: '2-1-1', name: '다함께돌봄센터 확대', lead: '아동보육과', co: ['경제정책과'] },
    { id: '2-2-1', name: '경로당 냉난방 개선', lead: '노인복지과', co: [] },
  ],
} as const;

export function smallCityWorkbook(): Buffer {
  const wb = XLSX.utils.book_new();
  const info = [
    ['항목', '값'],
    ['시·도', SMALL_CITY.city],
    ['목록 이름', SMALL_CITY.title],
    ['목록 기준일', '2022-09-30'],
    ['임기 이름', SMALL_CITY.termName],
    ['임기 시작', '2022-07'],
    ['임기 끝', '2026-06'],
    ['실천계획서 제출기한', '2022-10-14'],
    ['관리카드 제출일', 15],
  ];
  const areas = [
    ['분야', '분야명', '목표'],
    [1, '일자리', '일하는 가람'],
    [2, '돌봄', '함께 돌보는 가람'],
  ];
  const cores: Record<string, [number, string, string]> = {
    '1-1': [1, '청년 일자리', '청년 창업 지원'],
    '2-1': [2, '아이 돌봄', '돌봄센터 확대'],
    '2-2': [2, '어르신 돌봄', '경로당 개선'],
  };
  const rows: (string | number | null)[][] = [
    ['분야', '정책내용', '핵심공약', '핵심공약명', '세부사업', '세부사업명', '주관부서', '협조부서'],
  ];
  for (const p of SMALL_CITY.projects) {
    const coreId = p.id.split('-').slice(0, 2).join('-');
    const [area, subGoal, coreName] = cores[coreId] ?? [0, '', ''];
    rows.push([area, subGoal, coreId, coreName, p.id, p.name, p.lead, p.co.join(', ')]);
  }
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(info), '기본 정보');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(areas), '분야');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '공약사업 목록');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
