import type { Kysely } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  createEnrollment,
  createRotation,
  fingerprint,
  generateKeyPair,
  keyId as keyIdOf,
  OFFICE_DEPARTMENT,
  parseEnrollment,
  publicKeyPemOf,
  verifyRotation,
  writeFileAtomic,
  type Enrollment,
} from '../bundles';
import {
  currentOwnKey,
  findRegistryKeys,
  getRegistryKey,
  insertOwnKey,
  insertRegistryKey,
  listRegistryKeys,
  listTrustedOfficeKeys,
  putTrustedOfficeKey,
  retireOwnKey,
  updateRegistryKey,
  type OwnKey,
  type RegistryKey,
  type TrustedOfficeKey,
} from '../../db/keys';
import type { Database } from '../../db/schema';
import { KEY_STATUS_LABELS, type KeyStatusView } from '../../domain/api/contract';
import { departmentsEver } from '../../domain/catalog/assignments';
import { localDateTimeOf } from '../../domain/reports/submissions';
import type { AppContext } from './context';
import { UserError } from './errors';
import { fileNamePart } from './file-name-part';
import { keysDirOf, privateKeyStoreFor, type PrivateKeyStore } from './key-store';
import { loadCatalog } from './reference';
import { whoAmI, requireDepartment, requireOffice } from './session';
import { josa } from '../../domain/text/josa';

/** The role and signing name of this copy: a department signs with its name, the office as 기획담당관. */
export async function signerOf(
  ctx: AppContext,
): Promise<{ role: 'department' | 'office'; department: string }> {
  const who = await whoAmI(ctx);
  if (!who) {
    throw new UserError(
      'NOT_CONFIGURED',
      '먼저 설정에서 이 PC의 역할(주관부서 또는 기획담당관)을 선택하세요.',
    );
  }
  if (who.role === 'office') return { role: 'office', department: OFFICE_DEPARTMENT };
  if (!who.department) throw new UserError('NOT_CONFIGURED', '설정에서 부서를 선택하세요.');
  return { role: 'department', department: who.department };
}

export { requireOffice };

/** Problems with a key file that the user fixes in place (the message says how); any other one means it is lost. */
const FIXABLE_KEY_PROBLEMS = new Set(['KEY_FILE_MODE']);

const pemBody = (pem: string): string => pem.replace(/\s+/g, '');

/**
 * The key's private half, read from this data folder's own keys/ folder only (key-store keyFileIn): a folder
 * restored from a backup has none there, even while the folder it came from still has it. The file is found by
 * name, so it must also be the pair of the public key the database holds (another key's file put in its place
 * would sign what no one can verify).
 */
function readPrivateKey(ctx: AppContext, key: OwnKey): string {
  const pem = privateKeyStoreFor(ctx.dataDir, key.privateKeyStore).load(key.privateKeyRef);
  if (pemBody(publicKeyPemOf(pem)) !== pemBody(key.publicKeyPem)) {
    throw new UserError(
      'KEY_FILE_MISMATCH',
      `이 데이터 폴더의 개인 키 파일이 서명 키(키 ID ${key.keyId})의 것이 아닙니다 (다른 키의 파일입니다)`,
    );
  }
  return pem;
}

/** Whether this PC can read the key's private half: its file (or safeStorage blob) is there and opens. */
function privateKeyState(ctx: AppContext, key: OwnKey): { problem: string | null; lost: boolean } {
  try {
    readPrivateKey(ctx, key);
    return { problem: null, lost: false };
  } catch (error) {
    const code = error instanceof UserError ? error.code : '';
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problem: FIXABLE_KEY_PROBLEMS.has(code) ? reason : `이 PC에서 개인 키를 읽을 수 없습니다: ${reason}`,
      lost: !FIXABLE_KEY_PROBLEMS.has(code),
    };
  }
}

export async function getKeyStatus(ctx: AppContext): Promise<KeyStatusView> {
  const who = await whoAmI(ctx);
  const key = await currentOwnKey(ctx.db);
  const trusted = await listTrustedOfficeKeys(ctx.db);
  const privateKey = key ? privateKeyState(ctx, key) : { problem: null, lost: false };
  return {
    hasKey: key !== undefined,
    role: who?.role ?? null,
    department: key?.department ?? (who?.role === 'office' ? OFFICE_DEPARTMENT : (who?.department ?? null)),
    keyId: key?.keyId ?? null,
    fingerprint: key?.fingerprint ?? null,
    createdAt: key?.createdAt ?? null,
    store: key?.privateKeyStore ?? null,
    protection: key ? privateKeyStoreFor(ctx.dataDir, key.privateKeyStore).protection : null,
    privateKeyProblem: privateKey.problem,
    privateKeyLost: privateKey.lost,
    trustedOfficeKeys: trusted.map((t) => ({ keyId: t.keyId, fingerprint: t.fingerprint, status: t.status })),
  };
}

/**
 * Generates this copy's key pair on first use; later calls return the existing key unchanged. A key whose private
 * half is lost on this PC (a data folder restored from a backup on another PC, a deleted key file) is retired and
 * replaced by a new one, which the office registers like a first key (enrollment, fingerprint by phone).
 */
export async function initKeys(
  ctx: AppContext,
  store: PrivateKeyStore = privateKeyStoreFor(ctx.dataDir),
): Promise<KeyStatusView & { created: boolean; replacedKeyId: string | null }> {
  const existing = await currentOwnKey(ctx.db);
  if (existing && !privateKeyState(ctx, existing).lost)
    return { ...(await getKeyStatus(ctx)), created: false, replacedKeyId: null };
  if (existing) await retireOwnKey(ctx.db, existing.keyId, ctx.now().toISOString());
  await createOwnKey(ctx, store);
  return { ...(await getKeyStatus(ctx)), created: true, replacedKeyId: existing?.keyId ?? null };
}

async function createOwnKey(
  ctx: AppContext,
  store: PrivateKeyStore,
): Promise<{ key: OwnKey; privateKeyPem: string }> {
  const signer = await signerOf(ctx);
  mkdirSync(keysDirOf(ctx.dataDir), { recursive: true, mode: 0o700 });
  const pair = generateKeyPair();
  const id = keyIdOf(pair.publicKeyPem);
  const ref = store.save(id, pair.privateKeyPem);
  const key: OwnKey = {
    keyId: id,
    role: signer.role,
    department: signer.department,
    publicKeyPem: pair.publicKeyPem,
    fingerprint: fingerprint(pair.publicKeyPem),
    privateKeyStore: store.kind,
    privateKeyRef: ref,
    createdAt: ctx.now().toISOString(),
    retiredAt: null,
  };
  await insertOwnKey(ctx.db, key);
  return { key, privateKeyPem: pair.privateKeyPem };
}

/** The current key and its private half, for signing. */
export async function loadSigningKey(ctx: AppContext): Promise<{ key: OwnKey; privateKeyPem: string }> {
  const key = await currentOwnKey(ctx.db);
  if (!key) {
    throw new UserError(
      'NO_KEY',
      "이 PC에는 아직 서명 키가 없습니다. 먼저 키를 만드세요 (화면의 '키 만들기' 또는 'pledge keys init').",
    );
  }
  const signer = await signerOf(ctx);
  if (signer.department !== key.department || signer.role !== key.role) {
    throw new UserError(
      'KEY_DEPARTMENT_MISMATCH',
      `서명 키(키 ID ${key.keyId})는 ${key.department}의 키인데 이 PC는 ${josa(signer.department, '으로/로')} 설정되어 있습니다.`,
    );
  }
  try {
    return { key, privateKeyPem: readPrivateKey(ctx, key) };
  } catch (error) {
    if (!(error instanceof UserError) || FIXABLE_KEY_PROBLEMS.has(error.code)) throw error;
    // Lost here for good: say what to do, as the key status does.
    throw new UserError(
      error.code,
      `${error.message}. 이 서명 키(키 ID ${key.keyId})로는 서명할 수 없습니다. 개인 키는 백업에 들어 있지 않으니, ` +
        "백업에서 복원한 폴더라면 새 키를 만들어(화면의 '새 서명 키 만들기' 또는 'pledge keys init') 기획담당관에 다시 등록하세요.",
    );
  }
}

/** Writes the enrollment file the office imports; returns its text and the fingerprint to read over the phone. */
export async function exportEnrollment(
  ctx: AppContext,
  path?: string,
): Promise<{ path: string; text: string; keyId: string; fingerprint: string; department: string }> {
  const key = await currentOwnKey(ctx.db);
  if (!key)
    throw new UserError(
      'NO_KEY',
      "이 PC에는 아직 서명 키가 없습니다. 먼저 'pledge keys init'으로 키를 만드세요.",
    );
  const text = createEnrollment({
    role: key.role,
    department: key.department,
    publicKeyPem: key.publicKeyPem,
    createdAt: key.createdAt,
  });
  const target = resolve(
    path ?? join(ctx.dataDir, 'outbox', `키등록_${fileNamePart(key.department)}_${key.keyId}.pledgekey.json`),
  );
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, Buffer.from(text, 'utf8'));
  return { path: target, text, keyId: key.keyId, fingerprint: key.fingerprint, department: key.department };
}

export type KeyImportResult =
  | { kind: 'registry'; key: RegistryKey; alreadyKnown: boolean }
  | { kind: 'trustedOffice'; key: TrustedOfficeKey; alreadyKnown: boolean };

/**
 * A key file's text as it is read: without the byte-order mark (U+FEFF) that Windows Notepad writes at the start of
 * a UTF-8 file it saves. The browser's file reading drops it already, the CLI's does not: every entry point here
 * (the CLI's and the page's alike) reads the text through this, so both take the same file the same way.
 */
export const keyFileText = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

function enrollmentOrThrow(text: string): Enrollment {
  const parsed = parseEnrollment(keyFileText(text));
  if (!parsed.ok) throw new UserError(parsed.code, parsed.message);
  return parsed.enrollment;
}

/** An enrollment file's key as it would be registered or trusted: checked, nothing stored. */
export function previewEnrollment(text: string): {
  role: 'department' | 'office';
  department: string;
  keyId: string;
  fingerprint: string;
} {
  const e = enrollmentOrThrow(text);
  return { role: e.role, department: e.department, keyId: e.keyId, fingerprint: e.fingerprint };
}

/**
 * Office: an enrollment becomes a pending registry entry (approved only after the phone check).
 * Department: the office's enrollment becomes a trusted office key (for baseline packages) — importing it is the
 * act of trust, so the department compares the fingerprint before choosing the file.
 */
export async function importEnrollment(ctx: AppContext, text: string): Promise<KeyImportResult> {
  const enrollment = enrollmentOrThrow(text);
  const who = await whoAmI(ctx);
  if (!who) throw new UserError('NOT_CONFIGURED', '먼저 설정에서 이 PC의 역할을 선택하세요.');
  const now = ctx.now().toISOString();
  if (who.role === 'department') {
    if (enrollment.role !== 'office') {
      throw new UserError(
        'ENROLLMENT_ROLE',
        `주관부서 PC에는 기획담당관의 키만 등록할 수 있습니다 (이 파일은 ${enrollment.department}의 키입니다).`,
      );
    }
    const existing = (await listTrustedOfficeKeys(ctx.db)).find((k) => k.keyId === enrollment.keyId);
    if (existing?.status === 'revoked') {
      throw new UserError(
        'KEY_REVOKED',
        `신뢰를 철회한 기획담당관 키(키 ID ${existing.keyId})입니다. 다시 신뢰할 수 없습니다. 기획담당관에게 새 키의 등록 파일을 받으세요.`,
      );
    }
    if (existing) return { kind: 'trustedOffice', key: existing, alreadyKnown: true };
    const key: TrustedOfficeKey = {
      keyId: enrollment.keyId,
      publicKeyPem: enrollment.publicKeyPem,
      fingerprint: enrollment.fingerprint,
      status: 'approved',
      validFrom: enrollment.createdAt,
      revokedAt: null,
      addedAt: now,
    };
    await putTrustedOfficeKey(ctx.db, key);
    return { kind: 'trustedOffice', key, alreadyKnown: false };
  }
  if (enrollment.role !== 'department') {
    throw new UserError('ENROLLMENT_ROLE', '기획담당관 PC에는 주관부서의 키 등록 파일만 가져올 수 있습니다.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await getRegistryKey(trx, enrollment.department, enrollment.keyId);
    if (existing) return { kind: 'registry', key: existing, alreadyKnown: true };
    await refuseUnregistrable(trx, 'import', enrollment.department, enrollment.keyId);
    const key: RegistryKey = {
      department: enrollment.department,
      keyId: enrollment.keyId,
      role: 'department',
      publicKeyPem: enrollment.publicKeyPem,
      fingerprint: enrollment.fingerprint,
      status: 'pending',
      validFrom: enrollment.createdAt,
      enrolledAt: now,
      approvedAt: null,
      revokedAt: null,
      replacesKeyId: null,
    };
    await insertRegistryKey(trx, key);
    return { kind: 'registry', key, alreadyKnown: false };
  });
}

/**
 * Refuses a department key the office must not register (`import`) or approve (`approve`): one for a department the
 * catalog does not know (a mistyped or hand-edited file, a copy set up from another list), or one whose key is
 * already another department's (a copied key file with its department changed). Every department the catalog names
 * at any half-year counts, a former lead or co-department of a moved project (부서 이관) too: its key still verifies
 * the half-years it had. Keys already registered are not looked at again (only a pending key's approval is).
 * At approval, another department's revoked entry of the key does not stand in the way: revoking the wrong one of
 * two entries registered before this check existed lets the other be approved.
 */
async function refuseUnregistrable(
  db: Kysely<Database>,
  stage: 'import' | 'approve',
  department: string,
  keyId: string,
): Promise<void> {
  const refused = stage === 'import' ? '키를 등록하지 않았습니다' : '키를 승인하지 않았습니다';
  const catalog = await loadCatalog(db);
  if (!catalog.projects.some((p) => departmentsEver(p).includes(department))) {
    throw new UserError(
      'KEY_DEPARTMENT_UNKNOWN',
      `${refused}: ${josa(`'${department}'`, '은/는')} 공약사업 목록에 없는 부서입니다. ` +
        `부서의 처음 설정과 목록 판(이 PC의 목록: ${catalog.version})을 확인하세요.`,
    );
  }
  await refuseKeyOfAnotherDepartment(db, stage, department, keyId);
}

/** Refuses a key registered to another department (at `approve`, a revoked entry of it aside: see above). */
async function refuseKeyOfAnotherDepartment(
  db: Kysely<Database>,
  stage: 'import' | 'approve' | 'rotation',
  department: string,
  keyId: string,
): Promise<void> {
  const others = (await findRegistryKeys(db, keyId)).filter(
    (k) => k.department !== department && (stage !== 'approve' || k.status !== 'revoked'),
  );
  if (others.length === 0) return;
  const holders = josa(
    others.map((k) => `${k.department}의 키(상태: ${KEY_STATUS_LABELS[k.status]})`).join(', '),
    '으로/로',
  );
  const check = `${josa(department, '이/가')} 보낸 파일이 맞는지 확인하고 ${department}에 파일을 다시 보내 달라고 하세요.`;
  throw new UserError(
    'KEY_HELD_BY_OTHER_DEPARTMENT',
    stage === 'import'
      ? `키를 등록하지 않았습니다: 이 파일의 키(키 ID ${keyId})는 이미 ${holders} 등록되어 있습니다. 한 키는 한 부서만 씁니다. ${check}`
      : stage === 'rotation'
        ? `키 교체를 반영하지 않았습니다: 새 키(키 ID ${keyId})는 이미 ${holders} 등록되어 있습니다. 한 키는 한 부서만 씁니다. ${check}`
        : `키를 승인하지 않았습니다: 이 키(키 ID ${keyId})는 ${holders}도 등록되어 있습니다. 한 키는 한 부서만 씁니다. ` +
          '부서와 전화로 확인해 잘못 등록된 쪽을 폐기한 뒤 승인하세요.',
  );
}

/** Finds a registry key by id (and department when two departments' keys share an id prefix). */
export async function registryKeyOrThrow(
  ctx: AppContext,
  keyId: string,
  department?: string,
): Promise<RegistryKey> {
  const found = (await findRegistryKeys(ctx.db, keyId)).filter(
    (k) => !department || k.department === department,
  );
  if (found.length === 0) throw new UserError('KEY_NOT_FOUND', `등록된 키 중에 키 ID ${keyId}가 없습니다.`);
  if (found.length > 1) {
    throw new UserError(
      'KEY_AMBIGUOUS',
      `키 ID ${keyId}가 여러 부서(${found.map((k) => k.department).join(', ')})에 있습니다. 부서를 지정하세요.`,
    );
  }
  return found[0] as RegistryKey;
}

/** Marks a key approved (after the phone check). The caller releases the key's quarantined bundles. */
export async function markApproved(
  ctx: AppContext,
  keyId: string,
  department?: string,
): Promise<RegistryKey> {
  await requireOffice(ctx);
  const key = await registryKeyOrThrow(ctx, keyId, department);
  if (key.status === 'revoked') {
    throw new UserError(
      'KEY_REVOKED',
      `폐기된 키(키 ID ${keyId}, ${key.department})는 다시 승인할 수 없습니다. 부서에서 새 키를 만들어 등록하세요.`,
    );
  }
  if (key.status === 'retired') {
    throw new UserError(
      'KEY_RETIRED',
      `키 교체로 바뀐 이전 키(키 ID ${keyId}, ${key.department})는 다시 승인할 수 없습니다. ${retiredNote(key)}`,
    );
  }
  if (key.status === 'pending') {
    await ctx.db.transaction().execute(async (trx) => {
      await refuseUnregistrable(trx, 'approve', key.department, key.keyId);
      await updateRegistryKey(trx, key.department, key.keyId, {
        status: 'approved',
        approvedAt: ctx.now().toISOString(),
      });
    });
  }
  return registryKeyOrThrow(ctx, keyId, key.department);
}

/** What a retired key still does, for messages: since when it is replaced, and what it still verifies. */
function retiredNote(key: RegistryKey): string {
  const since = key.revokedAt ? `${localDateTimeOf(key.revokedAt)}부터 ` : '';
  return `${since}새 키가 대신하며, 이 키로 교체 전에 서명한 파일은 그대로 받습니다.`;
}

/**
 * Office: a key lost or stolen. Its bundles are refused (kept in quarantine) whenever they were made, and it is never
 * approved again. A key already retired by a rotation can be revoked too (its old bundles then stop verifying).
 */
export async function revokeKey(ctx: AppContext, keyId: string, department?: string): Promise<RegistryKey> {
  await requireOffice(ctx);
  const key = await registryKeyOrThrow(ctx, keyId, department);
  if (key.status !== 'revoked') {
    await updateRegistryKey(ctx.db, key.department, key.keyId, {
      status: 'revoked',
      revokedAt: ctx.now().toISOString(),
    });
  }
  return registryKeyOrThrow(ctx, keyId, key.department);
}

/**
 * Department: stops trusting an office key (a key trusted by mistake, or one the office no longer uses). Baseline
 * packages it signed are refused from then on, whenever they were made; like a revoked registry key on the office's
 * side, it cannot be trusted again (the office sends a new key's enrollment instead).
 */
export async function withdrawOfficeKeyTrust(ctx: AppContext, keyId: string): Promise<KeyStatusView> {
  await requireDepartment(ctx);
  const key = (await listTrustedOfficeKeys(ctx.db)).find((k) => k.keyId === keyId);
  if (!key) throw new UserError('KEY_NOT_FOUND', `신뢰 목록에 키 ID ${keyId}인 기획담당관 키가 없습니다.`);
  if (key.status !== 'revoked') {
    await putTrustedOfficeKey(ctx.db, { ...key, status: 'revoked', revokedAt: ctx.now().toISOString() });
  }
  return getKeyStatus(ctx);
}

export async function listRegistry(ctx: AppContext): Promise<RegistryKey[]> {
  return listRegistryKeys(ctx.db);
}

/** The signed statement's claimed department and old key id, read only to find the key that must verify it. */
function rotationHint(text: string): { department: string; oldKeyId: string } | null {
  try {
    const outer = JSON.parse(text) as { payload?: unknown };
    if (typeof outer.payload !== 'string') return null;
    const inner = JSON.parse(Buffer.from(outer.payload, 'base64').toString('utf8')) as Record<
      string,
      unknown
    >;
    return typeof inner.department === 'string' && typeof inner.oldKeyId === 'string'
      ? { department: inner.department, oldKeyId: inner.oldKeyId }
      : null;
  } catch {
    return null;
  }
}

/**
 * Office: a department's rotation statement, verified with its approved old key, approves the new key and retires
 * the old one: `retired` with `revokedAt` = the statement's `createdAt`, the moment the department made the new key.
 * That time comes from the department's clock, as the `createdAt` of its bundles does, so the two compare without
 * the skew between PCs or the days the statement took to arrive; it is also the new key's `validFrom`, so one of
 * the two keys is valid at every moment. Bundles the old key signed before it keep verifying (also when they arrive
 * after the rotation was applied); those it signed later are refused (KEY_RETIRED). A lost or stolen key is
 * revoked instead (revokeKey). The caller releases both keys' quarantined bundles (releaseAfterRotation).
 */
export async function applyRotation(
  ctx: AppContext,
  file: string,
): Promise<{ key: RegistryKey; replaced: RegistryKey }> {
  await requireOffice(ctx);
  const text = keyFileText(file);
  const hint = rotationHint(text);
  if (!hint) throw new UserError('ROTATION_INVALID', '키 교체 문서를 읽을 수 없습니다.');
  const old = await getRegistryKey(ctx.db, hint.department, hint.oldKeyId);
  if (!old) {
    throw new UserError(
      'KEY_NOT_FOUND',
      `키 교체 문서의 이전 키(키 ID ${hint.oldKeyId}, ${hint.department})가 등록되어 있지 않습니다.`,
    );
  }
  if (old.status === 'retired') {
    throw new UserError(
      'ROTATION_OLD_KEY',
      `이전 키(키 ID ${old.keyId})는 이미 키 교체로 바뀐 키여서 이 키 교체 문서를 받을 수 없습니다. 이미 받은 문서라면 따로 할 일은 없습니다. 아니라면 부서에 확인하세요 (한 키로 두 번 교체할 수 없습니다).`,
    );
  }
  if (old.status !== 'approved') {
    throw new UserError(
      'ROTATION_OLD_KEY',
      `이전 키(키 ID ${old.keyId})가 승인된 상태가 아니어서(${KEY_STATUS_LABELS[old.status]}) 키 교체를 받을 수 없습니다. 새 키를 등록 파일로 받아 승인하세요.`,
    );
  }
  const verified = verifyRotation(text, old.publicKeyPem);
  if (!verified.ok) throw new UserError(verified.code, verified.message);
  const rotation = verified.rotation;
  if (rotation.department !== old.department) {
    throw new UserError('ROTATION_INVALID', '키 교체 문서의 부서가 이전 키의 부서와 다릅니다.');
  }
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await refuseKeyOfAnotherDepartment(trx, 'rotation', rotation.department, rotation.newKeyId);
    const existing = await getRegistryKey(trx, rotation.department, rotation.newKeyId);
    if (existing) {
      if (existing.status === 'revoked') {
        throw new UserError('KEY_REVOKED', `새 키(키 ID ${rotation.newKeyId})는 이미 폐기된 키입니다.`);
      }
      if (existing.status === 'retired') {
        throw new UserError(
          'KEY_RETIRED',
          `새 키(키 ID ${rotation.newKeyId})는 이미 다른 키 교체로 바뀐 이전 키입니다. 부서에 가장 최근의 키 교체 문서를 보내 달라고 하세요.`,
        );
      }
      await updateRegistryKey(trx, rotation.department, rotation.newKeyId, {
        status: 'approved',
        approvedAt: now,
        replacesKeyId: old.keyId,
      });
    } else {
      await insertRegistryKey(trx, {
        department: rotation.department,
        keyId: rotation.newKeyId,
        role: 'department',
        publicKeyPem: rotation.newPublicKeyPem,
        fingerprint: fingerprint(rotation.newPublicKeyPem),
        status: 'approved',
        validFrom: rotation.createdAt,
        enrolledAt: now,
        approvedAt: now,
        revokedAt: null,
        replacesKeyId: old.keyId,
      });
    }
    await updateRegistryKey(trx, old.department, old.keyId, {
      status: 'retired',
      revokedAt: rotation.createdAt,
    });
  });
  return {
    key: await registryKeyOrThrow(ctx, rotation.newKeyId, rotation.department),
    replaced: await registryKeyOrThrow(ctx, old.keyId, old.department),
  };
}

/**
 * Department: makes a new key pair, a statement signed by the current key vouching for it, and retires the old
 * key. The statement goes to the office (`pledge keys import`), which then accepts bundles signed by the new key.
 */
export async function rotateOwnKey(
  ctx: AppContext,
  path?: string,
): Promise<{ path: string; oldKeyId: string; keyId: string; fingerprint: string }> {
  const { key: old, privateKeyPem: oldPrivate } = await loadSigningKey(ctx);
  const store = privateKeyStoreFor(ctx.dataDir);
  const pair = generateKeyPair();
  const id = keyIdOf(pair.publicKeyPem);
  const now = ctx.now().toISOString();
  const statement = createRotation({
    oldPrivateKeyPem: oldPrivate,
    newPublicKeyPem: pair.publicKeyPem,
    department: old.department,
    createdAt: now,
  });
  const ref = store.save(id, pair.privateKeyPem);
  await ctx.db.transaction().execute(async (trx) => {
    await retireOwnKey(trx, old.keyId, now);
    await insertOwnKey(trx, {
      keyId: id,
      role: old.role,
      department: old.department,
      publicKeyPem: pair.publicKeyPem,
      fingerprint: fingerprint(pair.publicKeyPem),
      privateKeyStore: store.kind,
      privateKeyRef: ref,
      createdAt: now,
      retiredAt: null,
    });
  });
  const target = resolve(
    path ?? join(ctx.dataDir, 'outbox', `키교체_${fileNamePart(old.department)}_${id}.pledgekey.json`),
  );
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, Buffer.from(statement, 'utf8'));
  return { path: target, oldKeyId: old.keyId, keyId: id, fingerprint: fingerprint(pair.publicKeyPem) };
}

/** True when the text is a key rotation statement rather than an enrollment. */
export const isRotationStatement = (text: string): boolean => {
  try {
    return (JSON.parse(keyFileText(text)) as { type?: unknown }).type === 'pledge-key-rotation-statement';
  } catch {
    return false;
  }
};
