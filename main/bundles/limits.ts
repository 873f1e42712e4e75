import { BUNDLE_MAX_BYTES } from '../../domain/api/contract';

/** Size and count caps checked on declared sizes before anything is inflated (zip bombs), then while inflating. */
export type BundleLimits = {
  /** The whole bundle file. */
  maxBundleBytes: number;
  maxEntries: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Sum of uncompressed sizes. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed / compressed, checked for entries of at least ratioCheckMinBytes. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
};

export const DEFAULT_LIMITS: BundleLimits = {
  maxBundleBytes: BUNDLE_MAX_BYTES,
  maxEntries: 2000,
  maxEntryBytes: 50 * 1024 * 1024,
  maxTotalUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
};

export function resolveLimits(partial: Partial<BundleLimits> | undefined): BundleLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
