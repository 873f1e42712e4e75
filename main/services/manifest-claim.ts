import { DEFAULT_LIMITS, MANIFEST_NAME } from '../bundles';
import { parseManifestJson } from '../bundles/manifest';
import { readZipEntries } from '../bundles/read';
import { departmentSchema } from '../bundles/schemas';
import { periodIdSchema } from '../../domain/term/types';

/**
 * What a refused bundle's manifest.json says of its sender and period, each null when absent or malformed.
 * Nothing here is verified (the signature failed or could not be checked): it is for the results table's
 * 부서 and 기간 cells only, marked there as unverified, and never decides anything.
 */
export interface ManifestClaim {
  department: string | null;
  period: string | null;
}

const PLAN_PERIOD = 'plan';

/** The claim of a file that is a readable bundle container with a JSON manifest; null when there is none. */
export async function readManifestClaim(bytes: Buffer): Promise<ManifestClaim | null> {
  // The same reader and limits as the verifier: stored entries only, so no inflating of untrusted data.
  const zip = await readZipEntries(bytes, DEFAULT_LIMITS);
  if (!zip.ok) return null;
  const data = zip.entries.find((e) => e.name === MANIFEST_NAME)?.data;
  if (!data) return null;
  const json = parseManifestJson(data);
  if (!json.ok || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return null;
  }
  const record = json.value as Record<string, unknown>;
  const department = Object.hasOwn(record, 'department') ? record.department : undefined;
  const period = Object.hasOwn(record, 'period') ? record.period : undefined;
  const claim: ManifestClaim = {
    department: departmentSchema.safeParse(department).success ? (department as string) : null,
    period: period === PLAN_PERIOD || periodIdSchema.safeParse(period).success ? (period as string) : null,
  };
  return claim.department === null && claim.period === null ? null : claim;
}
