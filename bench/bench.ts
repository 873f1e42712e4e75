import { cpus, loadavg } from 'node:os';
import { defaultPoolSize } from '../main/bundles';
import { benchImport } from './import-bench';
import { benchOffice } from './office-bench';

// `npm run bench`: (1) issue 4 — 1,000 signed bundles imported from a folder with progress; (2) issue 5 — ten
// times Seoul (2,380 projects, 8 half-years, > 5,000 bundles) imported three times, each right after the floor
// measured on the same bundles (the medians are kept, every round printed), then every table and the workbook.
// Every figure printed is measured in this run.
const log = (line: string): void => void process.stdout.write(`  ${line}\n`);
const started = performance.now();
process.stdout.write(
  `벤치마크 시작: CPU ${cpus().length}개, 검사 작업자 ${defaultPoolSize()}개, 부하(1분) ${loadavg()[0]?.toFixed(2)}\n`,
);

process.stdout.write('\n[1] 제출 파일 1,000개 폴더 가져오기 (이슈 4)\n');
const bundles = Number(process.env.PLEDGE_BENCH_BUNDLES ?? 1000);
const folder = await benchImport({ bundles, log });

process.stdout.write('\n[2] 서울시 10배 규모 (이슈 5)\n');
const office = await benchOffice(log);

process.stdout.write('\n[3] 서울시 실제 규모 (사업 238개, 비교용)\n');
const seoul = await benchOffice(log, 1);

const pass = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
const rows: [string, string, string, string][] = [
  [
    `폴더 가져오기 (제출 파일 ${folder.bundles}개)`,
    `${folder.seconds.toFixed(2)}초, 초당 ${folder.perSecond.toFixed(0)}개`,
    '—',
    '',
  ],
  [
    `가져오기 처리량 (제출 파일 ${office.bundles}개, 문서 ${office.documents}건)`,
    `초당 ${office.perSecond.toFixed(0)}개 (${office.importSeconds.toFixed(2)}초, ${office.rounds.length}회 중앙값)`,
    '≥ 1,000개/초',
    pass(office.perSecond >= 1000),
  ],
  [
    '가져오기 ÷ 하한',
    `${office.ratio.toFixed(2)}배 (${office.rounds.length}회 중앙값: ${office.rounds.map((r) => `${r.importSeconds.toFixed(2)}÷${r.floorSeconds.toFixed(2)}=${r.ratio.toFixed(2)}`).join(', ')})`,
    '≤ 2배',
    pass(office.ratio <= 2),
  ],
  [
    `모든 표 계산 (buildOfficeReport, ${office.reportPeriod}), 처음부터 (문서 합계·사업별 결과 모두 새로 계산)`,
    `${office.buildReportColdMs.toFixed(1)} ms`,
    '< 100 ms',
    pass(office.buildReportColdMs < 100),
  ],
  [
    '모든 표 계산, 문서 합계만 재사용 (사업별 결과는 모두 새로 계산)',
    `${office.buildReportMs.median.toFixed(1)} ms`,
    '< 100 ms',
    pass(office.buildReportMs.median < 100),
  ],
  [
    '모든 표 + DB 읽기 (officeReport), 처음 열 때 (모든 문서 읽고 해석)',
    `${office.officeReportMs.first.toFixed(1)} ms`,
    '< 100 ms',
    pass(office.officeReportMs.first < 100),
  ],
  [
    '다시 시작한 뒤 화면이 처음 열 때, 시작 직후 미리 만든 표 (미리 만들기는 위 처음 열 때와 같은 일)',
    `${office.restart.firstRequestMs.toFixed(2)} ms (미리 만들기 ${office.restart.warmUpMs.toFixed(0)} ms)`,
    '< 100 ms',
    pass(office.restart.firstRequestMs < 100),
  ],
  [
    '새 프로세스로 시작한 뒤 화면이 처음 열 때 (앱을 다시 켠 것: 컴파일된 코드·쓴 메모리 없음), 시작 직후 미리 만든 표',
    `${office.newProcess.firstRequestMs.toFixed(2)} ms (데이터 열기 ${office.newProcess.openMs.toFixed(0)} ms, 미리 만들기 ${office.newProcess.warmUpMs.toFixed(0)} ms)`,
    '< 100 ms',
    pass(office.newProcess.firstRequestMs < 100),
  ],
  [
    '다시 시작하고 제출 파일을 가져온 뒤 화면이 처음 열 때, 가져오기가 끝나자 백그라운드로 만든 표 (만들기는 위 처음 열 때와 같은 일)',
    `${office.afterImport.firstRequestMs.toFixed(2)} ms (백그라운드 만들기 ${office.afterImport.backgroundBuildMs.toFixed(0)} ms)`,
    '< 100 ms',
    pass(office.afterImport.firstRequestMs < 100),
  ],
  [
    '모든 표 + DB 읽기, 가져오기·결정 직후 (currentOfficeReport, 중앙값)',
    `${office.officeReportMs.afterChange.toFixed(1)} ms (${office.officeReportMs.changes.map((t) => t.toFixed(0)).join(', ')})`,
    '< 100 ms',
    pass(office.officeReportMs.afterChange < 100),
  ],
  [
    '같은 자료로 다시 열 때 (만든 표 재사용)',
    `${office.keptReportMs.toFixed(2)} ms`,
    '< 100 ms',
    pass(office.keptReportMs < 100),
  ],
  [
    `한 부서의 파일 하나 가져오기 (관리카드 ${office.smallImport.documents}건), 앱: 검사 스레드 유지 (중앙값)`,
    `${median(office.smallImport.kept).toFixed(0)} ms (첫 ${office.smallImport.kept[0]?.toFixed(0)} ms; 가져올 때마다 새 스레드면 ${median(office.smallImport.fresh).toFixed(0)} ms)`,
    '—',
    '',
  ],
  [
    `다시 시작한 뒤 첫 제출 파일 가져오기 (관리카드 ${office.firstImport.documents}건, 화면처럼): 결과까지 + 알림(지연·충돌)까지`,
    `시작 직후 ${office.firstImport.cold.importMs.toFixed(0)} + ${office.firstImport.cold.notesMs.toFixed(0)} ms; 화면을 연 뒤 ${office.firstImport.prepared.importMs.toFixed(0)} + ${office.firstImport.prepared.notesMs.toFixed(0)} ms`,
    '—',
    '',
  ],
  [
    `첨부 파일 열기 (받은 문서 ${office.attachmentRead.receivedDocuments}건, 화면의 사업 지정, 중앙값)`,
    `${median(office.attachmentRead.byProject).toFixed(2)} ms (사업 없이 전체 검색 ${median(office.attachmentRead.fullScan).toFixed(0)} ms)`,
    '< 200 ms',
    pass(median(office.attachmentRead.byProject) < 200),
  ],
  [
    `이행 추이 (${office.trendHalfYears}개 반기의 추진상황, 보던 반기는 재사용)`,
    `${office.trendMs.toFixed(0)} ms`,
    '—',
    '',
  ],
  [
    `다시 시작한 뒤 화면을 열고 이행 추이 탭 (${office.restart.trendHalfYears}개 반기, 화면의 반기는 미리 만든 표)`,
    `${office.restart.trendMs.toFixed(0)} ms`,
    '—',
    '',
  ],
  [
    `새 프로세스로 시작한 뒤 이행 추이 탭 (${office.newProcess.trendHalfYears}개 반기)`,
    `${office.newProcess.trendMs.toFixed(0)} ms`,
    '—',
    '',
  ],
  [
    `엑셀 통합문서 (${(office.workbookBytes / 1024).toFixed(0)} KB)`,
    `${office.workbookMs.median.toFixed(0)} ms (첫 실행 ${office.workbookMs.first.toFixed(0)} ms)`,
    '< 2 s',
    pass(office.workbookMs.median < 2000),
  ],
];
const width = (i: number): number => Math.max(...rows.map((r) => [...r[i]!].length));
process.stdout.write('\n결과\n');
for (const r of rows) {
  process.stdout.write(
    `  ${r[0].padEnd(width(0))}  ${r[1].padEnd(width(1))}  ${r[2].padEnd(width(2))}  ${r[3]}\n`,
  );
}
process.stdout.write(
  `  (사업 ${office.projects}개, 부서 ${office.departments}개, 생성 ${office.generateSeconds.toFixed(1)}초, 계획 확정 ${office.confirmSeconds.toFixed(1)}초; 중앙 회차의 하한 = JSON.parse ${office.floorParts.parseSeconds.toFixed(2)}초 + 서명 검증 ${office.floorParts.verifySeconds.toFixed(2)}초 + 한 트랜잭션 삽입(행과 원본 바이트) ${office.floorParts.insertSeconds.toFixed(2)}초; 원본 바이트 없이 삽입하면 ${office.floorParts.insertRowsOnlySeconds.toFixed(2)}초, 그때 비율 (중앙값) ${office.rowsOnlyRatio.toFixed(2)}배; 기계 속도의 기준: JSON.parse ${office.floorParts.parseMegabytesPerSecond.toFixed(0)} MB/s)\n`,
);
process.stdout.write(
  `\n서울시 실제 규모 (사업 ${seoul.projects}개, 제출 파일 ${seoul.bundles}개): 가져오기 ${seoul.importSeconds.toFixed(2)}초 (초당 ${seoul.perSecond.toFixed(0)}개, 하한의 ${seoul.ratio.toFixed(2)}배); 모든 표 계산 ${seoul.buildReportColdMs.toFixed(1)} ms (합계 재사용 ${seoul.buildReportMs.median.toFixed(1)} ms); DB 읽기 포함 처음 ${seoul.officeReportMs.first.toFixed(1)} ms, 가져오기·결정 직후 ${seoul.officeReportMs.afterChange.toFixed(1)} ms, 같은 자료 ${seoul.keptReportMs.toFixed(2)} ms; 다시 시작 뒤 미리 만들기 ${seoul.restart.warmUpMs.toFixed(0)} ms, 그 뒤 화면의 첫 요청 ${seoul.restart.firstRequestMs.toFixed(2)} ms; 새 프로세스로 시작한 뒤 미리 만들기 ${seoul.newProcess.warmUpMs.toFixed(0)} ms, 이행 추이 탭 ${seoul.newProcess.trendMs.toFixed(0)} ms; 통합문서 ${seoul.workbookMs.median.toFixed(0)} ms; 이행 추이 ${seoul.trendMs.toFixed(0)} ms, 다시 시작한 뒤 이행 추이 탭 (${seoul.restart.trendHalfYears}개 반기) ${seoul.restart.trendMs.toFixed(0)} ms\n`,
);
process.stdout.write(
  `  전체 ${((performance.now() - started) / 1000).toFixed(0)}초, 끝날 때 부하(1분) ${loadavg()[0]?.toFixed(2)}\n`,
);
process.stdout.write(
  `${JSON.stringify({
    folder: { bundles: folder.bundles, seconds: round(folder.seconds), perSecond: round(folder.perSecond) },
    office: {
      bundles: office.bundles,
      documents: office.documents,
      importSeconds: round(office.importSeconds),
      perSecond: round(office.perSecond),
      floorSeconds: round(office.floorSeconds),
      parseMegabytesPerSecond: round(office.floorParts.parseMegabytesPerSecond),
      ratio: round(office.ratio),
      rounds: office.rounds.map((r) => ({
        importSeconds: round(r.importSeconds),
        floorSeconds: round(r.floorSeconds),
        ratio: round(r.ratio),
      })),
      buildReportColdMs: round(office.buildReportColdMs),
      buildReportMs: round(office.buildReportMs.median),
      officeReportFirstMs: round(office.officeReportMs.first),
      warmUpMs: round(office.restart.warmUpMs),
      firstRequestAfterWarmUpMs: round(office.restart.firstRequestMs),
      backgroundBuildAfterImportMs: round(office.afterImport.backgroundBuildMs),
      firstRequestAfterImportMs: round(office.afterImport.firstRequestMs),
      officeReportAfterChangeMs: round(office.officeReportMs.afterChange),
      keptReportMs: round(office.keptReportMs),
      workbookMs: round(office.workbookMs.median),
      trendMs: round(office.trendMs),
      trendAfterRestartMs: round(office.restart.trendMs),
      newProcessOpenMs: round(office.newProcess.openMs),
      newProcessWarmUpMs: round(office.newProcess.warmUpMs),
      newProcessFirstRequestMs: round(office.newProcess.firstRequestMs),
      newProcessTrendMs: round(office.newProcess.trendMs),
      smallImportKeptMs: office.smallImport.kept.map(round),
      smallImportFreshMs: office.smallImport.fresh.map(round),
      firstImportColdMs: round(office.firstImport.cold.importMs),
      firstImportColdNotesMs: round(office.firstImport.cold.notesMs),
      firstImportPreparedMs: round(office.firstImport.prepared.importMs),
      firstImportPreparedNotesMs: round(office.firstImport.prepared.notesMs),
      attachmentReadByProjectMs: office.attachmentRead.byProject.map(round),
      attachmentReadFullScanMs: office.attachmentRead.fullScan.map(round),
      attachmentReadNotCitedMs: office.attachmentRead.notCited.map(round),
    },
    seoul: {
      bundles: seoul.bundles,
      importSeconds: round(seoul.importSeconds),
      buildReportColdMs: round(seoul.buildReportColdMs),
      buildReportMs: round(seoul.buildReportMs.median),
      officeReportFirstMs: round(seoul.officeReportMs.first),
      officeReportAfterChangeMs: round(seoul.officeReportMs.afterChange),
      keptReportMs: round(seoul.keptReportMs),
      workbookMs: round(seoul.workbookMs.median),
      trendMs: round(seoul.trendMs),
      trendAfterRestartMs: round(seoul.restart.trendMs),
      newProcessWarmUpMs: round(seoul.newProcess.warmUpMs),
      newProcessTrendMs: round(seoul.newProcess.trendMs),
    },
  })}\n`,
);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
