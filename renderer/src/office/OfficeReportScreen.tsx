import type { Catalog } from '../../../domain/catalog/types';

/** Placeholder: the planning office's consolidated tables. */
export function OfficeReportScreen(_props: { catalog: Catalog }) {
  return <p>종합 현황 화면을 준비 중입니다.</p>;
}
