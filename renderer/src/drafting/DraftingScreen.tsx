import type { SetupState } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';

/** Placeholder: the department's documents (plans, cards, finance rows, change requests). */
export function DraftingScreen(_props: { catalog: Catalog; setup: SetupState }) {
  return <p>문서 작성 화면을 준비 중입니다.</p>;
}
