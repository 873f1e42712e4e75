import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface AttachmentInfo {
  sha256: string;
  mediaType: string;
  size: number;
}

export const sha256Hex = (bytes: Uint8Array): string => hash('sha256', bytes, 'hex');

/** Stores the bytes once under their SHA-256; storing the same content again is a no-op. */
export async function putAttachment(
  db: Db,
  bytes: Buffer,
  mediaType: string,
  now: Date,
): Promise<AttachmentInfo> {
  const sha256 = sha256Hex(bytes);
  await db
    .insertInto('attachments')
    .values({ sha256, media_type: mediaType, size: bytes.length, bytes, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, mediaType, size: bytes.length };
}

export async function getAttachment(
  db: Db,
  sha256: string,
): Promise<(AttachmentInfo & { bytes: Buffer }) | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row && { sha256: row.sha256, mediaType: row.media_type, size: row.size, bytes: row.bytes };
}
