import { useState } from 'react';
import type { DocumentRef, OpenedDocument } from '../../../domain/api/contract';
import { leadAt } from '../../../domain/catalog/assignments';
import type { Catalog } from '../../../domain/catalog/types';
import type { ExecutionPlan } from '../../../domain/documents';
import { findPeriod } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { CardForm } from './CardForm';
import { ChangeRequestForm } from './ChangeRequestForm';
import { FinanceRowForm } from './FinanceRowForm';
import { PlanForm } from './PlanForm';

/** Opens one document and shows the form of its kind; a restore reopens it (the form remounts). */
export function DocumentEditor(props: {
  docRef: DocumentRef;
  catalog: Catalog;
  term: Term;
  onOpen: (ref: DocumentRef) => void;
  onClose: () => void;
}) {
  const { docRef } = props;
  const [generation, setGeneration] = useState(0);
  const [state] = useLoad(async (): Promise<{
    opened: OpenedDocument;
    plan: ExecutionPlan | null;
    token: number;
  }> => {
    const opened = await api.openDocument(docRef);
    let plan: ExecutionPlan | null = opened.confirmedPlan;
    if (docRef.kind === 'changeRequest' && plan === null) {
      // openDocument gives confirmedPlan only for cards; a request reads the plan itself (당초 공약).
      const planDoc = await api
        .openDocument({ kind: 'executionPlan', projectId: docRef.projectId, slot: 'plan' })
        .catch(() => null);
      if (planDoc?.status === 'confirmed') plan = planDoc.document as ExecutionPlan;
    }
    return { opened, plan, token: Date.now() + Math.random() };
  }, [docRef.kind, docRef.projectId, docRef.slot, generation]);

  const stale =
    state.status === 'ready' &&
    (state.value.opened.ref.kind !== docRef.kind ||
      state.value.opened.ref.projectId !== docRef.projectId ||
      state.value.opened.ref.slot !== docRef.slot);
  if (state.status === 'loading' || stale) return <StatusMessage kind="info">문서를 여는 중…</StatusMessage>;
  if (state.status === 'error')
    return (
      <div>
        <button type="button" className="link" onClick={props.onClose}>
          ← 목록으로
        </button>
        <StatusMessage kind="error">{state.message}</StatusMessage>
      </div>
    );

  const { opened, plan, token } = state.value;
  const reload = () => setGeneration((g) => g + 1);
  // A new key per load: a restored version remounts the form with the reopened document.
  const key = String(token);
  const projectName = props.catalog.projects.find((p) => p.id === docRef.projectId)?.name ?? '';
  const periodLabel = findPeriod(props.term, docRef.slot)?.label ?? docRef.slot;

  switch (docRef.kind) {
    case 'executionPlan':
      return (
        <PlanForm key={key} opened={opened} term={props.term} onReload={reload} onClose={props.onClose} />
      );
    case 'managementCard':
      return (
        <CardForm
          key={key}
          opened={opened}
          term={props.term}
          onReload={reload}
          onClose={props.onClose}
          onOpenSecured={() =>
            props.onOpen({ kind: 'financeRow', projectId: docRef.projectId, slot: docRef.slot })
          }
        />
      );
    case 'financeRow': {
      const project = props.catalog.projects.find((p) => p.id === docRef.projectId);
      // The half-year's lead (부서 이관).
      const isLead = project !== undefined && leadAt(project, docRef.slot) === opened.document.department;
      return (
        <FinanceRowForm
          key={key}
          opened={opened}
          term={props.term}
          projectName={projectName}
          periodLabel={periodLabel}
          onReload={reload}
          onClose={props.onClose}
          isLead={isLead}
          onOpenCard={
            isLead
              ? () => props.onOpen({ kind: 'managementCard', projectId: docRef.projectId, slot: docRef.slot })
              : undefined
          }
        />
      );
    }
    case 'changeRequest':
      return (
        <ChangeRequestForm key={key} opened={opened} plan={plan} onReload={reload} onClose={props.onClose} />
      );
  }
}
