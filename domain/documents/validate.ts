import type { z } from 'zod';
import { type Document, documentSchema } from './document';
import type { Issue, ValidationContext, ValidationResult } from './validate-common';
import { validateManagementCard } from './validate-card';
import { validateChangeRequest } from './validate-change-request';
import { validateFinanceRow } from './validate-finance-row';
import { validateExecutionPlan } from './validate-plan';

/**
 * Business rules over a parsed document. Errors block submission; warnings are shown but allowed. Paths are dot
 * paths into the document, the same strings react-hook-form uses as field names ("unitProjects.0.name").
 */

// The checks of each kind live beside this file (validate-plan, -card, -finance-row, -change-request; the shared
// ones in validate-common, message formatting in validate-format); their public names are re-exported here.
export type { Issue, IssueCode, ValidationContext, ValidationResult } from './validate-common';
export { formatAmount, periodKeyOfLabel, periodLabel, termEndMonth } from './validate-format';
export { validateExecutionPlan } from './validate-plan';
export { FROZEN_CHANGE_SUFFIX, frozenFieldIssues, validateManagementCard } from './validate-card';
export { validateFinanceRow } from './validate-finance-row';
export { validateChangeRequest } from './validate-change-request';

// ---------------------------------------------------------------------------------------------------------------
// Entry points

export function validateDocument(doc: Document, ctx: ValidationContext): ValidationResult {
  switch (doc.kind) {
    case 'executionPlan':
      return validateExecutionPlan(doc, ctx);
    case 'managementCard':
      return validateManagementCard(doc, ctx);
    case 'financeRow':
      return validateFinanceRow(doc, ctx);
    case 'changeRequest':
      return validateChangeRequest(doc, ctx);
  }
}

/** Zod issues as `Issue`s (code 'schema'), with the same dot paths. */
export function schemaIssues(error: z.ZodError): Issue[] {
  return error.issues.map((iss) => ({
    path: iss.path.map(String).join('.'),
    message: iss.message,
    code: 'schema',
  }));
}

/** Parse untrusted input (a bundle entry) and validate it: schema problems are errors too. */
export function checkDocument(
  input: unknown,
  ctx: ValidationContext,
): ValidationResult & { document: Document | null } {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) return { document: null, errors: schemaIssues(parsed.error), warnings: [] };
  return { document: parsed.data, ...validateDocument(parsed.data, ctx) };
}
