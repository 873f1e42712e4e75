// Test fixtures: real keys, a realistic submission, and a key registry.
import { generateKeyPair, keyId } from '../key-material';
import type { KeyPairPem } from '../key-material';
import type { KeyLookup, KeySnapshotEntry } from '../check-types';
import { keyLookupFromSnapshot } from '../check-types';
import type { WriteBundleInput } from '../write';

export const DEPARTMENT = '도시교통실 교통정책과';

export function sampleInput(
  keys: KeyPairPem,
  overrides: Partial<WriteBundleInput['manifestFields']> = {},
): WriteBundleInput {
  return {
    manifestFields: {
      type: 'pledge-submission',
      appVersion: '0.1.0',
      department: DEPARTMENT,
      period: '2019-H1',
      createdAt: '2019-07-10T09:30:00.000Z',
      revision: 3,
      previousBundleSha256: 'ab'.repeat(32),
      ...overrides,
    },
    documents: [
      {
        path: 'documents/card-1-1-1.json',
        json: {
          pledgeNo: '1-1-1',
          title: '대중교통 환승 개선',
          progress: 35,
          issues: ['예산 협의 중'],
          done: false,
          note: null,
        },
      },
      {
        path: 'documents/plan-1-1-1.json',
        json: { pledgeNo: '1-1-1', years: [{ year: 2019, amount: 1200 }] },
      },
    ],
    attachments: [
      { bytes: Buffer.from('%PDF-1.4 증빙 자료 예시\n', 'utf8'), mediaType: 'application/pdf' },
      { bytes: Buffer.from([0, 1, 2, 3, 255, 254]), mediaType: 'application/octet-stream' },
    ],
    privateKeyPem: keys.privateKeyPem,
  };
}

export function registryEntry(keys: KeyPairPem, overrides: Partial<KeySnapshotEntry> = {}): KeySnapshotEntry {
  return {
    department: DEPARTMENT,
    keyId: keyId(keys.publicKeyPem),
    publicKeyPem: keys.publicKeyPem,
    status: 'approved',
    validFrom: '2018-07-01T00:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}

export function lookupFor(...entries: KeySnapshotEntry[]): KeyLookup {
  return keyLookupFromSnapshot(entries);
}

export { generateKeyPair };
