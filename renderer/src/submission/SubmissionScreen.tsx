import type { SetupState } from '../../../domain/api/contract';

/** Placeholder: keys, and for a department the signed submission files; for the office the import and registry. */
export function SubmissionScreen(_props: { setup: SetupState }) {
  return <p>제출 파일 화면을 준비 중입니다.</p>;
}
