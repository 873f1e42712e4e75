import { assignmentAt } from '../../domain/catalog/assignments';
import { findProject } from '../../domain/catalog/lookup';
import type { Catalog } from '../../domain/catalog/types';
import { checkDocument, DOCUMENT_KIND_LABELS, periodLabel, type Document } from '../../domain/documents';
import { josa } from '../../domain/text/josa';
import type { Term } from '../../domain/term/types';
import type {
  BundleAccepted,
  BundleAttachment,
  BundleDocument,
  ContentContext,
  ContentVerdict,
  Manifest,
  StoredDocumentRow,
} from '../bundles';
import { slotOf } from './document-identity';
import { assertMayWrite, termKeys } from './drafting';
import { UserError } from './errors';

/** Short names used in bundle member paths: documents/<prefix>-<projectId>-<slot>.json. */
export const KIND_FILE_PREFIX: Record<Document['kind'], string> = {
  executionPlan: 'plan',
  managementCard: 'card',
  financeRow: 'finance',
  changeRequest: 'change',
};

export const documentMemberPath = (doc: Pick<Document, 'kind' | 'projectId'>, slot: string): string =>
  `documents/${KIND_FILE_PREFIX[doc.kind]}-${doc.projectId}-${slot}.json`;

/** Every attachment hash a document cites (objects with a 64-hex `sha256`), wherever the form keeps them. */
export function attachmentRefsOf(json: unknown): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') walk(item);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const inner = record[key];
        if (inner === null || typeof inner !== 'object') {
          if (key === 'sha256' && typeof inner === 'string' && /^[0-9a-f]{64}$/.test(inner)) found.add(inner);
        } else walk(inner);
      }
    }
  };
  walk(json);
  return [...found];
}

export interface ContentProblem {
  code: string;
  message: string;
  /** Per document and field: "documents/card-1-1-1-2019-H1.json: unitProjects.0.name" → message. */
  details: Record<string, string>;
}

export interface CheckedDocument {
  document: Document;
  slot: string;
  path: string;
}

const MAX_LISTED = 5;

/** The term's period and budget-year keys, once per term object (every bundle of an import shares it). */
const termKeyCache = new WeakMap<Term, ReturnType<typeof termKeys>>();
/** The document checks' codes for a half-year or a budget year outside the term. */
const OUT_OF_TERM_CODES: ReadonlySet<string> = new Set(['period.outOfTerm', 'budgetYear.outOfTerm']);

function termKeysOf(term: Term): ReturnType<typeof termKeys> {
  let keys = termKeyCache.get(term);
  if (!keys) {
    keys = termKeys(term);
    termKeyCache.set(term, keys);
  }
  return keys;
}

/** The rows the office stores for checked documents (the parsed document, serialized). */
export const storedRowsOf = (documents: readonly CheckedDocument[]): StoredDocumentRow[] =>
  documents.map(({ document, slot }) => ({
    kind: document.kind,
    projectId: document.projectId,
    slot,
    json: JSON.stringify(document),
  }));

/**
 * checkSubmissionContent as a verify worker runs it (plain data in and out): the import's main thread then
 * receives ready-to-store rows instead of parsing and checking every document itself.
 */
export function submissionVerdict(accepted: BundleAccepted, context: ContentContext): ContentVerdict {
  const content = checkSubmissionContent(
    accepted.manifest,
    accepted.documents,
    accepted.attachments,
    context.catalog,
    context.term,
  );
  return content.ok ? { ok: true, documents: storedRowsOf(content.documents) } : content;
}

function summarise(code: string, lines: string[], details: Record<string, string>): ContentProblem {
  const shown = lines.slice(0, MAX_LISTED).join('; ');
  const more = lines.length > MAX_LISTED ? ` 외 ${lines.length - MAX_LISTED}건` : '';
  return { code, message: `${shown}${more}`, details };
}

/**
 * What the signature cannot vouch for: every document's schema, that it is the document its path names and
 * belongs to the signing department, the department's right to report on its project (lead department, or a
 * co-department for its own finance row; a co-department's card is let through to be listed as a conflict), the
 * period, and that every cited attachment travels in the bundle.
 */
const isCoDepartment = (
  catalog: Catalog,
  projectId: string,
  periodId: string,
  department: string,
): boolean => {
  const project = findProject(catalog, projectId);
  return project !== undefined && assignmentAt(project, periodId).coDepartments.includes(department);
};

export function checkSubmissionContent(
  manifest: Manifest,
  documents: readonly BundleDocument[],
  attachments: readonly BundleAttachment[],
  catalog: Catalog,
  term: Term,
): { ok: true; documents: CheckedDocument[] } | { ok: false; problem: ContentProblem } {
  if (documents.length === 0) {
    return {
      ok: false,
      problem: { code: 'BUNDLE_EMPTY', message: '제출 파일에 문서가 하나도 없습니다.', details: {} },
    };
  }
  const ctx = termKeysOf(term);
  const schemaLines: string[] = [];
  const details: Record<string, string> = {};
  const parsed: CheckedDocument[] = [];
  // Half-years and budget years outside the office's term: taken in, they would be stored and counted nowhere
  // (a department set up with another term's list). The department's other business-rule errors are its own.
  const termLines: string[] = [];
  for (const entry of documents) {
    const { document, errors } = checkDocument(entry.json, ctx);
    if (!document) {
      for (const e of errors) {
        const key = `${entry.path}: ${e.path || '(문서)'}`;
        schemaLines.push(`${key} — ${e.message}`);
        details[key] ??= e.message;
      }
      continue;
    }
    for (const e of errors)
      if (OUT_OF_TERM_CODES.has(e.code)) termLines.push(`${entry.path}: ${e.path} — ${e.message}`);
    if (
      (document.kind === 'managementCard' || document.kind === 'financeRow') &&
      !ctx.periods.includes(document.periodId)
    )
      termLines.push(
        `${entry.path}: ${josa(periodLabel(document.periodId), '은/는')} 임기 중의 반기가 아닙니다`,
      );
    parsed.push({ document, slot: slotOf(document), path: entry.path });
  }
  if (schemaLines.length > 0)
    return { ok: false, problem: summarise('DOCUMENT_SCHEMA', schemaLines, details) };
  if (termLines.length > 0) {
    const lines = [...new Set(termLines)];
    const problem = summarise(
      'OUT_OF_TERM',
      lines,
      Object.fromEntries(lines.map((l) => [l.split(':')[0] ?? l, l])),
    );
    return {
      ok: false,
      problem: {
        ...problem,
        message: `${problem.message} — 이 프로그램의 임기(${term.start} ~ ${term.end})에 없는 기간이 들어 있습니다. 부서가 다른 공약사업 목록(임기)으로 설정되어 있지 않은지 확인하세요.`,
      },
    };
  }

  const identityLines: string[] = [];
  const seen = new Set<string>();
  for (const { document, slot, path } of parsed) {
    const expected = documentMemberPath(document, slot);
    if (path !== expected)
      identityLines.push(
        `${path}: 문서 내용(${DOCUMENT_KIND_LABELS[document.kind]} ${document.projectId} ${slot})과 파일 이름이 다릅니다 (${expected} 이어야 합니다)`,
      );
    if (document.department !== manifest.department) {
      identityLines.push(
        `${path}: 문서의 부서(${document.department})가 제출 파일을 보낸 부서(${manifest.department})와 다릅니다`,
      );
    }
    if (seen.has(expected)) identityLines.push(`${path}: 같은 문서가 두 번 들어 있습니다`);
    seen.add(expected);
    if (
      (document.kind === 'managementCard' || document.kind === 'financeRow') &&
      document.periodId !== manifest.period
    ) {
      identityLines.push(
        `${path}: 문서의 반기(${document.periodId})가 제출 파일의 제출 기간(${manifest.period === 'plan' ? '실천계획' : manifest.period})과 다릅니다`,
      );
    }
  }
  if (identityLines.length > 0) {
    return {
      ok: false,
      problem: summarise(
        'DOCUMENT_IDENTITY',
        identityLines,
        Object.fromEntries(identityLines.map((l) => [l.split(':')[0] ?? l, l])),
      ),
    };
  }

  const rightLines: string[] = [];
  let rightCode = 'NOT_RESPONSIBLE';
  for (const { document, path, slot } of parsed) {
    // A co-department's card is taken in and held: the office lists it as a conflict with the lead's card
    // (two departments reporting one project) and decides whether its figures count.
    if (
      document.kind === 'managementCard' &&
      isCoDepartment(catalog, document.projectId, document.periodId, manifest.department)
    )
      continue;
    try {
      assertMayWrite(catalog, manifest.department, document.kind, document.projectId, slot);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      if (error.code === 'PROJECT_UNKNOWN') rightCode = 'PROJECT_UNKNOWN';
      rightLines.push(`${path}: ${error.message}`);
    }
  }
  if (rightLines.length > 0) {
    return {
      ok: false,
      problem: summarise(
        rightCode,
        rightLines,
        Object.fromEntries(rightLines.map((l) => [l.split(':')[0] ?? l, l])),
      ),
    };
  }

  const carried = new Set(attachments.map((a) => a.sha256));
  const missing: string[] = [];
  for (const { document, path } of parsed) {
    for (const sha of attachmentRefsOf(document)) {
      if (!carried.has(sha))
        missing.push(`${path}: 첨부파일(SHA-256 ${sha.slice(0, 12)}…)이 파일에 없습니다`);
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      problem: summarise(
        'ATTACHMENT_MISSING',
        missing,
        Object.fromEntries(missing.map((l) => [l.split(':')[0] ?? l, l])),
      ),
    };
  }
  return { ok: true, documents: parsed };
}
