import type { OperationName } from './contract';

/**
 * The operation names as plain strings, for the preload (which must not bundle zod or schemas).
 * `satisfies` plus the exhaustiveness check below keep it equal to the contract.
 */
export const operationNames = [
  'getAppInfo',
  'getSetup',
  'saveSetup',
  'backupData',
  'restoreBackup',
  'getStartupProblem',
  'startWithNewDataDir',
  'retryStartup',
  'getCatalog',
  'getTerm',
  'exportCatalogWorkbook',
  'checkCatalogFile',
  'previewCatalogChange',
  'applyCatalogChange',
  'listMyDocuments',
  'openDocument',
  'saveDraft',
  'submitDocument',
  'confirmDocument',
  'newChangeRequestRef',
  'discardDraft',
  'listDocumentVersions',
  'restoreDocumentVersion',
  'saveAttachment',
  'getDerivedFinance',
  'getDeadlines',
  'getKeyStatus',
  'initKeys',
  'exportEnrollment',
  'rotateOwnKey',
  'listRegistryKeys',
  'previewEnrollment',
  'importEnrollment',
  'withdrawOfficeKeyTrust',
  'approveKey',
  'revokeKey',
  'exportBundle',
  'listSentBundles',
  'getChainResume',
  'resumeChain',
  'importBundleFiles',
  'importBundleData',
  'startBundleImport',
  'getImportProgress',
  'listBundles',
  'listReceivedDocuments',
  'exportBaseline',
  'applyBaseline',
  'getDefaultReportPeriod',
  'getOfficeReport',
  'getDataGeneration',
  'exportReportWorkbook',
  'exportPublicReport',
  'publishReport',
  'getProjectDocuments',
  'getDepartmentCards',
  'getConfirmedPlans',
  'confirmReceivedPlan',
  'listPlanConfirmations',
  'confirmReceivedPlans',
  'resolveConflict',
  'swapHeldBundle',
  'decideCompletion',
  'decideChangeRequest',
] as const satisfies readonly OperationName[];

type Missing = Exclude<OperationName, (typeof operationNames)[number]>;
/** Compile error if an operation of the contract is missing here. */
export const allOperationsListed: Missing extends never ? true : Missing = true;

/** IPC channel of an operation: fixed, never chosen by the caller. */
export const channelOf = (name: OperationName): string => `api:${name}`;
