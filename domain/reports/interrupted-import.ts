import { localDateTimeOf } from './submissions';

/**
 * An import of submission files that was cut off midway (the program closed, the PC switched off, the process
 * killed): what the office's import screen and `pledge import` say of it until it is seen, or until the same files
 * are imported again to the end (main/services/import-runs.ts).
 */
export interface InterruptedImportView {
  id: number;
  /** ISO timestamp of the import's start. */
  startedAt: string;
  /** What was named to import: folders, files, or the names of files sent by the page (at most SOURCES_KEPT). */
  sources: string[];
  /** Files the import was given (a folder's files once found). */
  total: number;
  /** Files written before it stopped (반영, 격리, 충돌 보류): stored whole, each with its own checks. */
  written: number;
}

/** How many of an import's named sources are kept with it (the rest are counted). */
export const SOURCES_KEPT = 20;

const count = (n: number): string => n.toLocaleString('ko-KR');

/** "D:\제출\상반기", or "a.pledge, b.pledge 외 3개". */
function sourcesLabel(sources: readonly string[]): string {
  if (sources.length === 0) return '이름 없는 파일';
  const shown = sources.slice(0, 3).join(', ');
  return sources.length > 3 ? `${shown} 외 ${count(sources.length - 3)}개` : shown;
}

/** One sentence naming the import and what it left: where it stopped and what importing again does. */
export function interruptedImportNote(run: InterruptedImportView): string {
  const left = run.total - run.written;
  const what = `${localDateTimeOf(run.startedAt)}에 시작한 제출 파일 가져오기(${sourcesLabel(run.sources)}, 파일 ${count(run.total)}개)가 끝나지 않았습니다`;
  const stored =
    run.written === 0 ? '받아 둔 파일은 없습니다.' : `${count(run.written)}개는 받아 두었고 그대로 있습니다.`;
  const again =
    left > 0
      ? `나머지 ${count(left)}개는 같은 파일(폴더)을 다시 가져오면 받습니다. 이미 받은 파일은 '중복'으로 넘어갑니다.`
      : `같은 파일(폴더)을 다시 가져와 결과를 확인하세요. 이미 받은 파일은 '중복'으로 넘어갑니다.`;
  return `${what}: 프로그램이 닫히거나 PC가 꺼져 중간에 멈춘 것으로 보입니다. ${stored} ${again}`;
}

/** Said with the tables (종합 현황, `pledge report`) while an import cut off midway is not settled. */
export function interruptedTablesWarning(count: number): string {
  return `끝나지 않은 제출 파일 가져오기가 ${count.toLocaleString('ko-KR')}건 있습니다: 그 가져오기가 받지 못한 파일은 이 표에 들어 있지 않습니다. '제출 파일 받기'에서 확인하고 같은 파일(폴더)을 다시 가져오세요.`;
}
