// Public surface of the bundle library (no electron, no database).
export * from './keys';
export {
  manifestSchema,
  memberSchema,
  parseManifestBytes,
  serializeManifest,
  BUNDLE_TYPES,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  type BundleType,
  type Manifest,
  type Member,
  type ManifestResult,
} from './manifest';
export { writeBundle, writeFileAtomic, type ManifestFields, type WriteBundleInput } from './write';
export { inspectBundle } from './verify';
export { recogniseFile, type FileKind } from './file-kind';
export { inspectBundleInWorker, type WorkerInspectOptions } from './verify-worker';
export {
  createVerifyPool,
  defaultPoolSize,
  type VerifyJobOptions,
  type VerifyPool,
  type VerifyPoolOptions,
} from './verify-pool';
export { DEFAULT_LIMITS, type BundleLimits } from './limits';
export {
  keyLookupFromSnapshot,
  type BundleCheck,
  type BundleAccepted,
  type BundleRejected,
  type BundleDocument,
  type BundleAttachment,
  type ContentChecker,
  type ContentContext,
  type ContentVerdict,
  type StoredDocumentRow,
  type InspectOptions,
  type KeyLookup,
  type KeySnapshotEntry,
  type KeyStatus,
  type RegisteredKey,
} from './check-types';
