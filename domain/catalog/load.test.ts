import { describe, expect, it } from 'vitest';
import { listDepartments, seoulMinseon7Catalog as catalog } from './load';
import type { CatalogProject } from './types';

// Expected figures come from the plan (seed 000, "공약현황" table and 붙임1), not from the data file.
const PROJECTS_PER_AREA = [33, 39, 24, 42, 34, 11, 55];
/** Per area, per sub-goal: [core pledges, projects] as printed in the overview table. */
const OVERVIEW: [number, number][][] = [
  [
    [5, 26],
    [4, 7],
  ],
  [
    [5, 22],
    [4, 17],
  ],
  [[9, 24]],
  [
    [3, 11],
    [3, 17],
    [3, 14],
  ],
  [
    [8, 24],
    [1, 10],
  ],
  [[3, 11]],
  [
    [3, 9],
    [3, 9],
    [3, 5],
    [3, 18],
    [3, 9],
    [3, 5],
  ],
];

function project(id: string): CatalogProject {
  const found = catalog.projects.find((p) => p.id === id);
  if (!found) throw new Error(`no project ${id}`);
  return found;
}

function pledge(id: string) {
  const found = catalog.corePledges.find((c) => c.id === id);
  if (!found) throw new Error(`no core pledge ${id}`);
  return found;
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

describe('seoul-minseon7 catalog data', () => {
  it('has the identity the planning office distributes', () => {
    expect(catalog).toMatchObject({
      id: 'seoul-minseon7',
      city: '서울특별시',
      title: '민선7기 시장 공약사업 목록',
      version: '2018-09-11',
      asOf: '2018-09-11',
    });
  });

  it('has 7 areas, 66 core pledges and 238 projects', () => {
    expect(catalog.areas.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(catalog.corePledges).toHaveLength(66);
    expect(catalog.projects).toHaveLength(238);
  });

  it('has 33, 39, 24, 42, 34, 11, 55 projects per area', () => {
    const perArea = [1, 2, 3, 4, 5, 6, 7].map(
      (area) => catalog.projects.filter((p) => p.id.startsWith(`${area}-`)).length,
    );
    expect(perArea).toEqual(PROJECTS_PER_AREA);
  });

  it('states the overview table counts and places core pledges so that they add up', () => {
    for (const area of catalog.areas) {
      const expected = OVERVIEW[area.id - 1];
      expect(area.subGoals.map((g) => [g.corePledgeCount, g.projectCount])).toEqual(expected);
      area.subGoals.forEach((_goal, index) => {
        const pledges = catalog.corePledges.filter((c) => c.areaId === area.id && c.subGoalIndex === index);
        const projects = catalog.projects.filter((p) => pledges.some((c) => c.id === p.corePledgeId));
        expect([pledges.length, projects.length]).toEqual(expected?.[index]);
      });
    }
  });

  it('names the areas and sub-goals as the plan does', () => {
    expect(catalog.areas.map((a) => a.name)).toEqual([
      '미래특별시',
      '상생특별시',
      '사람특별시',
      '안전특별시',
      '일상특별시',
      '민주주의특별시',
      '천만시민의 꿈이 이뤄지는 특별시',
    ]);
    expect(catalog.areas[0]?.subGoals[0]?.name).toBe('혁신성장을 통한 일자리창출 및 도시경쟁력 제고');
    expect(catalog.areas[6]?.subGoals[3]?.name).toBe('일·생활 성평등 실현');
    expect(catalog.areas[3]?.goal).toBe('안전한 도시를 위한 서울의 노력이 계속됩니다.');
  });

  it('has unique ids, each project under an existing core pledge of its own number', () => {
    const projectIds = catalog.projects.map((p) => p.id);
    const pledgeIds = catalog.corePledges.map((c) => c.id);
    expect(new Set(projectIds).size).toBe(projectIds.length);
    expect(new Set(pledgeIds).size).toBe(pledgeIds.length);
    for (const p of catalog.projects) {
      expect(p.id.split('-').slice(0, 2).join('-')).toBe(p.corePledgeId);
      expect(pledgeIds).toContain(p.corePledgeId);
    }
    for (const c of catalog.corePledges) {
      expect(Number(c.id.split('-')[0])).toBe(c.areaId);
      expect(catalog.projects.some((p) => p.corePledgeId === c.id)).toBe(true);
    }
  });

  it('gives every project a lead department; 25 departments lead projects', () => {
    for (const p of catalog.projects) expect(p.leadDepartment.trim()).not.toBe('');
    expect(new Set(catalog.projects.map((p) => p.leadDepartment)).size).toBe(25);
  });

  it('keeps no `?` left by the document converter, nor stray whitespace', () => {
    for (const text of allStrings(catalog)) {
      expect(text).not.toContain('?');
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\s{2}/);
    }
  });

  it('maps all 66 core pledges to distinct campaign numbers 1–66 with their categories', () => {
    const numbers = catalog.corePledges.map((c) => c.campaignNumber);
    expect([...numbers].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 66 }, (_, i) => i + 1),
    );
    for (const c of catalog.corePledges) expect(c.campaignCategory).not.toBeNull();
  });

  it('maps campaign numbers as seed 002 lists them', () => {
    // "66자영업1. 카드 수수료 경감을 위한 서울페이(Seoul Pay) 도입"
    expect(pledge('7-3')).toMatchObject({ campaignNumber: 1, campaignCategory: '자영업' });
    // "64자영업3.폐업자의 회생을 돕는 ‘서울형 자영업자실직안전망’ 구축"
    expect(pledge('7-1')).toMatchObject({ campaignNumber: 3, campaignCategory: '자영업' });
    // "48미래특별시19. 4차산업혁명의 메카, 6대 융합신산업 단지 조성"
    expect(pledge('1-1')).toMatchObject({ campaignNumber: 19, campaignCategory: '미래특별시' });
    // "33더불어특별시34. ‘데이터 지·옥·고’ 완전 해소 - 와이파이 소외 없는 서울"
    expect(pledge('2-7')).toMatchObject({ campaignNumber: 34, campaignCategory: '더불어특별시' });
    // "1민주주의특별시66. 사회적 가치와 공익증진을 위한 시민사회 성장지원"
    expect(pledge('6-3')).toMatchObject({ campaignNumber: 66, campaignCategory: '민주주의특별시' });
  });

  it('reads 1-1-7 with a co-department in parentheses', () => {
    expect(project('1-1-7')).toMatchObject({
      leadDepartment: '경제진흥본부',
      coDepartments: ['여성가족정책실'],
      name: '외국인 창업지원과 주거 편의(디지털 특별시민권 제공), 해외인재 영입 인센티브 제공',
    });
    expect(catalog.projects.filter((p) => p.coDepartments.length > 0).map((p) => p.id)).toEqual(['1-1-7']);
  });

  it('reads sub-items listed after the department (1-6-1, 2-5-1)', () => {
    expect(project('1-6-1')).toEqual({
      id: '1-6-1',
      corePledgeId: '1-6',
      name: '민관 공동 빅데이터 플랫폼 구축',
      leadDepartment: '정보기획관',
      coDepartments: [],
      subItems: [
        '“빅데이터 공개 및 교환 표준” 논의 거버넌스 구축',
        '서울시 빅데이터 컨소시엄 플랫폼 구축 및 고도화 추진',
        '쌍방향 기반의 ‘정보공개 3.0’ 프로젝트 추진',
      ],
    });
    expect(project('2-5-1')).toMatchObject({
      name: '재건축으로 인한 개발이익의 철저한 환수 추진',
      leadDepartment: '주택건축국',
      subItems: [
        '재건축으로 인한 개발이익의 철저한 환수 추진',
        '재건축 부담금의 서울시 귀속분을 활용하여 노후 지역 기반시설 확충 및 임대주택 공급에 활용',
      ],
    });
  });

  it('reads sub-items listed before the department (1-1-6, 3-1-1, 7-18-1)', () => {
    expect(project('1-1-6')).toMatchObject({
      name: '마곡 엠밸리 스마트시티 시범단지 조성',
      leadDepartment: '지역발전본부',
      subItems: ['마곡 R&D시티에 스마트인프라 시범단지 조성', '마곡 지역을 ‘스마트시티 클러스터’로 조성'],
    });
    expect(project('3-1-1')).toMatchObject({ leadDepartment: '복지본부' });
    expect(project('3-1-1').subItems).toEqual([
      '권역별 또는 동별 돌봄 SOS센터 설치, 주민의 돌봄요구 적극 대응',
      '(가칭)우리동네 홍반장 신설',
    ]);
    expect(project('7-18-1').subItems).toHaveLength(4);
    expect(project('7-18-1').subItems[3]).toBe('은둔형 중장년 1인가구에 일자리·상담·교육 종합지원');
  });

  it('restores `·` and title dashes the converter lost', () => {
    expect(project('1-1-1').name).toBe('마포 핀테크 랩을 거점으로 핀테크·블록체인 산업 생태계 구축');
    expect(project('1-1-5').name).toBe('홍릉·창동·상계 바이오허브 BIT융합신기술 기반 혁신클러스터로 고도화');
    expect(pledge('2-7').name).toBe('‘데이터 지·옥·고’ 완전해소 - 근거리 무선망 소외 없는 서울');
    expect(pledge('2-8').name).toBe('마을공동체 2.0 추진 - 공동체활동에서 자치하는 마을로');
  });

  it('keeps the last project of the longest core pledges (2-2-11, 5-9-10)', () => {
    expect(project('2-2-11')).toMatchObject({
      name: '시민생활의 중심, 역세권 종합 활성화계획 추진',
      leadDepartment: '도시계획국',
    });
    expect(project('5-9-10')).toMatchObject({ name: '서울-평양 문화예술 교류', leadDepartment: '문화본부' });
  });
});

describe('listDepartments', () => {
  it('lists each department once, in Korean order', () => {
    const departments = listDepartments(catalog);
    expect(departments).toHaveLength(25);
    expect(new Set(departments).size).toBe(departments.length);
    expect(departments[0]).toBe('경제진흥본부');
    expect(departments.at(-1)).toBe('행정국');
    expect(departments).toContain('여성가족정책실');
    expect([...departments].sort((a, b) => a.localeCompare(b, 'ko'))).toEqual(departments);
  });

  it('includes co-departments that lead nothing', () => {
    const small = {
      ...catalog,
      projects: [
        {
          id: '1-1-1',
          corePledgeId: '1-1',
          name: '시험 사업',
          leadDepartment: '하늘본부',
          coDepartments: ['가람국', '하늘본부'],
          subItems: [],
        },
      ],
    };
    expect(listDepartments(small)).toEqual(['가람국', '하늘본부']);
  });
});
