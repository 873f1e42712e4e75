import { z } from 'zod';
import { periodIdSchema } from '../../domain/term/types';
import { entryNameKey, entryNameProblem } from './names';
import {
  departmentSchema,
  describeIssues,
  isoDateTimeSchema,
  keyIdSchema,
  OFFICE_DEPARTMENT,
  sha256HexSchema,
} from './schemas';
import { parseStrictJsonBytes } from './strict-json';

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';
export const BUNDLE_TYPES = ['pledge-submission', 'pledge-baseline'] as const;
export type BundleType = (typeof BUNDLE_TYPES)[number];

/** Member paths are ASCII only, so no Unicode normalisation question arises for members at all. */
const DOCUMENT_PATH =
  /^documents\/(?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.json$/;
const ATTACHMENT_PATH = /^attachments\/[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
export const DOCUMENT_MEDIA_TYPE = 'application/json';
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export const memberSchema = z
  .strictObject({
    path: z.string().min(1).max(200),
    sha256: sha256HexSchema,
    size: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31),
    mediaType: z.string().regex(MEDIA_TYPE, '미디어 형식(예: application/pdf)이 올바르지 않습니다'),
    role: z.enum(['document', 'attachment']),
  })
  .superRefine((m, ctx) => {
    const problem = entryNameProblem(m.path);
    if (problem) ctx.addIssue({ code: 'custom', path: ['path'], message: `경로 ${m.path}: ${problem}` });
    if (m.role === 'document') {
      if (!DOCUMENT_PATH.test(m.path)) {
        ctx.addIssue({
          code: 'custom',
          path: ['path'],
          message: `문서 경로 ${m.path} 는 documents/….json 형식이어야 합니다`,
        });
      }
      if (m.mediaType !== DOCUMENT_MEDIA_TYPE) {
        ctx.addIssue({
          code: 'custom',
          path: ['mediaType'],
          message: `문서 ${m.path} 의 미디어 형식은 ${DOCUMENT_MEDIA_TYPE} 이어야 합니다`,
        });
      }
    } else if (m.path !== `attachments/${m.sha256}` || !ATTACHMENT_PATH.test(m.path)) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `첨부 파일 경로 ${m.path} 는 attachments/<SHA-256> 이어야 합니다`,
      });
    }
  });
export type Member = z.infer<typeof memberSchema>;

export const manifestSchema = z
  .strictObject({
    type: z.enum(BUNDLE_TYPES),
    formatVersion: z.literal(1, '지원하는 형식 버전은 1 입니다'),
    appVersion: z
      .string()
      .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]{1,40})?$/, '앱 버전 형식이 올바르지 않습니다'),
    department: departmentSchema,
    keyId: keyIdSchema,
    /** A half-year ("2019-H1") or "plan" for the 실천계획서 period. */
    period: z.union([periodIdSchema, z.literal('plan')]),
    createdAt: isoDateTimeSchema,
    /** Per department, only ever grows (the importer refuses anything not above the last accepted one). */
    revision: z.number().int().positive(),
    previousBundleSha256: sha256HexSchema.nullable(),
    members: z.array(memberSchema).max(5000),
  })
  .superRefine((m, ctx) => {
    if (m.type === 'pledge-baseline' && m.department !== OFFICE_DEPARTMENT) {
      ctx.addIssue({
        code: 'custom',
        path: ['department'],
        message: `기준 자료(baseline)의 부서는 ${OFFICE_DEPARTMENT} 이어야 합니다`,
      });
    }
    const seen = new Map<string, string>();
    m.members.forEach((member, i) => {
      const previous = m.members[i - 1];
      if (previous && !(previous.path < member.path)) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'path'],
          message: `구성 파일 목록이 경로 순으로 정렬되어 있지 않거나 ${member.path} 가 중복됩니다`,
        });
      }
      const key = entryNameKey(member.path);
      const other = seen.get(key);
      if (other !== undefined && other !== member.path) {
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'path'],
          message: `구성 파일 ${member.path} 와 ${other} 는 대소문자만 다릅니다`,
        });
      }
      seen.set(key, member.path);
    });
  });
export type Manifest = z.infer<typeof manifestSchema>;

export type ManifestResult =
  | { ok: true; manifest: Manifest }
  | { ok: false; code: 'MANIFEST_INVALID' | 'MANIFEST_DUPLICATE_KEY'; message: string };

/** Strict UTF-8, JSON without duplicate keys at any depth, then the schema. */
export function parseManifestBytes(bytes: Uint8Array): ManifestResult {
  const json = parseManifestJson(bytes);
  if (!json.ok) return json;
  return validateManifest(json.value);
}

export function parseManifestJson(
  bytes: Uint8Array,
):
  | { ok: true; value: unknown }
  | { ok: false; code: 'MANIFEST_INVALID' | 'MANIFEST_DUPLICATE_KEY'; message: string } {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      code: 'MANIFEST_INVALID',
      message: `매니페스트가 ${MAX_MANIFEST_BYTES}바이트를 넘습니다`,
    };
  }
  const parsed = parseStrictJsonBytes(bytes);
  if (parsed.ok) return parsed;
  if (parsed.kind === 'duplicate-key') {
    return {
      ok: false,
      code: 'MANIFEST_DUPLICATE_KEY',
      message: `매니페스트에 중복된 키가 있습니다: ${parsed.message}`,
    };
  }
  return { ok: false, code: 'MANIFEST_INVALID', message: `매니페스트를 읽을 수 없습니다: ${parsed.message}` };
}

export function validateManifest(value: unknown): ManifestResult {
  const result = manifestSchema.safeParse(value);
  if (!result.success) {
    return {
      ok: false,
      code: 'MANIFEST_INVALID',
      message: `매니페스트가 올바르지 않습니다: ${describeIssues(result.error)}`,
    };
  }
  return { ok: true, manifest: result.data };
}

/** The bytes that get signed and stored; readers never re-serialise, they verify these bytes. */
export function serializeManifest(manifest: Manifest): Buffer {
  const ordered: Manifest = {
    type: manifest.type,
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    department: manifest.department,
    keyId: manifest.keyId,
    period: manifest.period,
    createdAt: manifest.createdAt,
    revision: manifest.revision,
    previousBundleSha256: manifest.previousBundleSha256,
    members: manifest.members.map((m) => ({
      path: m.path,
      sha256: m.sha256,
      size: m.size,
      mediaType: m.mediaType,
      role: m.role,
    })),
  };
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8');
}
