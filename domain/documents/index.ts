// The document model of the four forms (붙임3–6); see docs/documents.md for the JSON fields.
export * from './common';
export * from './execution-plan';
export * from './management-card';
export * from './finance-row';
export * from './change-request';
export * from './document';
export * from './totals';
export * from './validate';
export * from './finance-derive';
export * from './completion-criteria';
