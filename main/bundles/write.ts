import { createHash } from 'node:crypto';
import { UserError } from '../services/errors';
import { keyId, publicKeyPemOf, signBytes } from './key-material';
import { DEFAULT_LIMITS } from './limits';
import {
  DOCUMENT_MEDIA_TYPE,
  MANIFEST_NAME,
  serializeManifest,
  SIGNATURE_NAME,
  validateManifest,
} from './manifest';
import type { Manifest, Member } from './manifest';
import { readZipEntries } from './read';
import { plainJsonProblem } from './strict-json';
import { packZip } from './zip-pack';

export { writeFileAtomic } from './atomic-file';

/** Everything in the manifest the caller decides; keyId comes from the key, members from the files. */
export type ManifestFields = Omit<Manifest, 'formatVersion' | 'keyId' | 'members'>;

export type WriteBundleInput = {
  manifestFields: ManifestFields;
  /** Full member paths, e.g. "documents/card-1-1-1.json"; the JSON must be plain data. */
  documents: { path: string; json: unknown }[];
  /** Stored as attachments/<sha256>; `path`, when given, must be exactly that. Identical bytes are stored once. */
  attachments: { path?: string; bytes: Uint8Array; mediaType: string }[];
  privateKeyPem: string;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds a signed bundle and returns its bytes (write them with writeFileAtomic). The same input always gives
 * the same bytes: members sorted by path, fixed zip metadata, deterministic Ed25519. The result is read back
 * through the container checks so this library never writes a bundle its own reader would refuse.
 */
export async function writeBundle(input: WriteBundleInput): Promise<Buffer> {
  const files = new Map<string, { data: Buffer; member: Member }>();
  for (const document of input.documents) {
    const problem = plainJsonProblem(document.json);
    if (problem)
      throw new UserError(
        'BUNDLE_WRITE_INVALID',
        `문서 ${document.path} 를 JSON 으로 저장할 수 없습니다: ${problem}`,
      );
    const data = Buffer.from(`${JSON.stringify(document.json, null, 2)}\n`, 'utf8');
    if (files.has(document.path))
      throw new UserError('BUNDLE_WRITE_INVALID', `문서 경로 ${document.path} 가 두 번 나옵니다`);
    files.set(document.path, {
      data,
      member: {
        path: document.path,
        sha256: sha256(data),
        size: data.length,
        mediaType: DOCUMENT_MEDIA_TYPE,
        role: 'document',
      },
    });
  }
  for (const attachment of input.attachments) {
    const data = Buffer.from(attachment.bytes);
    const hash = sha256(data);
    const path = `attachments/${hash}`;
    if (attachment.path !== undefined && attachment.path !== path) {
      throw new UserError(
        'BUNDLE_WRITE_INVALID',
        `첨부 파일 경로 ${attachment.path} 는 내용의 SHA-256 에 따라 ${path} 이어야 합니다`,
      );
    }
    const existing = files.get(path);
    if (existing && existing.member.mediaType !== attachment.mediaType) {
      throw new UserError('BUNDLE_WRITE_INVALID', `같은 내용의 첨부 파일 ${path} 에 미디어 형식이 둘입니다`);
    }
    files.set(path, {
      data,
      member: { path, sha256: hash, size: data.length, mediaType: attachment.mediaType, role: 'attachment' },
    });
  }
  const ordered = [...files.values()].sort((a, b) =>
    a.member.path < b.member.path ? -1 : a.member.path > b.member.path ? 1 : 0,
  );

  const publicKeyPem = publicKeyPemOf(input.privateKeyPem);
  const candidate: Manifest = {
    type: input.manifestFields.type,
    formatVersion: 1,
    appVersion: input.manifestFields.appVersion,
    department: input.manifestFields.department,
    keyId: keyId(publicKeyPem),
    period: input.manifestFields.period,
    createdAt: input.manifestFields.createdAt,
    revision: input.manifestFields.revision,
    previousBundleSha256: input.manifestFields.previousBundleSha256,
    members: ordered.map((f) => f.member),
  };
  const validated = validateManifest(candidate);
  if (!validated.ok) throw new UserError('BUNDLE_WRITE_INVALID', validated.message);
  const manifestBytes = serializeManifest(validated.manifest);
  const signature = signBytes(manifestBytes, input.privateKeyPem);

  const zip = await packZip([
    // Stored, not deflated: see BUNDLE_ZIP_POLICY in zip-layout.ts.
    { name: MANIFEST_NAME, data: manifestBytes, compress: false },
    { name: SIGNATURE_NAME, data: signature, compress: false },
    ...ordered.map((f) => ({ name: f.member.path, data: f.data, compress: false })),
  ]);
  const selfCheck = await readZipEntries(zip, DEFAULT_LIMITS);
  if (!selfCheck.ok)
    throw new UserError('BUNDLE_WRITE_INVALID', `만든 파일이 규격에 맞지 않습니다: ${selfCheck.message}`);
  return zip;
}
