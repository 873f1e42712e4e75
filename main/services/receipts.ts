import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { OfficeReceipt, SentBundleView } from '../../domain/api/contract';
import { listSentBundles, type SentBundle } from '../../db/bundles';
import { getSetting, setSetting } from '../../db/settings';
import type { Database } from '../../db/schema';
import { cardDecisionsOfFile, ownCardDecisions } from './card-decisions';
import { ownHeldDecisions, type HeldDecisionEntry } from './held-decisions';

/**
 * 접수 확인: which submission files the planning office holds, carried back to the departments inside the signed
 * baseline package (the one channel from the office to a department). A department PC is offline; without this
 * it can only say which files it made, never whether they arrived. The office lists every submission it keeps
 * (accepted, quarantined until a key is approved, or held as a same-revision conflict); a refused file is not
 * kept, so it is not listed, and the department sees its file missing.
 */

export const RECEIPT_STATES = ['accepted', 'quarantined', 'held'] as const;

const receiptSchema = z.strictObject({
  department: z.string().min(1).max(200),
  period: z.string().min(1).max(20),
  revision: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  receivedAt: z.string().max(40),
  state: z.enum(RECEIPT_STATES),
});

/** The baseline member: every kept submission, as of the moment the package was made. */
export const receiptsSchema = z.strictObject({
  asOf: z.string().max(40),
  bundles: z.array(receiptSchema).max(1_000_000),
});
export type Receipts = z.infer<typeof receiptsSchema>;

/** What a department copy keeps of the last applied package's receipts: its own files only. */
const ownReceiptsSchema = receiptsSchema.extend({
  department: z.string(),
  baselineRevision: z.number().int(),
});
type OwnReceipts = z.infer<typeof ownReceiptsSchema>;

export const RECEIPTS_SETTING = 'baseline.receipts';

/**
 * A file made less than this before the package (or after it) may not have reached the office when the package
 * was made: a file travels by share, mail or USB, and the two PCs' clocks differ. Only an older one missing from
 * the package is worth a warning.
 */
const IN_TRANSIT_MS = 24 * 60 * 60 * 1000;

/** Office: every submission file it holds, oldest first per department. */
export async function officeReceipts(db: Kysely<Database>, asOf: string): Promise<Receipts> {
  // Received when imported, or on the 접수일 the office gave at that import (the date its deadline counts from).
  const kept = await db
    .selectFrom('bundles as b')
    .leftJoin('bundle_receipts as r', 'r.bundle_sha256', 'b.sha256')
    .select([
      'b.department',
      'b.period',
      'b.revision',
      'b.sha256',
      'b.imported_at',
      'b.status',
      'r.received_on',
    ])
    .where('b.type', '=', 'pledge-submission')
    .execute();
  const held = await db
    .selectFrom('held_bundles as h')
    .leftJoin('bundle_receipts as r', 'r.bundle_sha256', 'h.sha256')
    .select(['h.department', 'h.period', 'h.revision', 'h.sha256', 'h.imported_at', 'r.received_on'])
    .execute();
  const bundles = [
    ...kept.map((b) => ({
      department: b.department,
      period: b.period,
      revision: b.revision,
      sha256: b.sha256,
      receivedAt: b.received_on ?? b.imported_at,
      state: b.status,
    })),
    ...held.map((b) => ({
      department: b.department,
      period: b.period,
      revision: b.revision,
      sha256: b.sha256,
      receivedAt: b.received_on ?? b.imported_at,
      state: 'held' as const,
    })),
  ].sort(
    (a, b) =>
      a.department.localeCompare(b.department, 'ko') ||
      a.revision - b.revision ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
  return { asOf, bundles };
}

/** Department: keeps its own files' receipts from an applied package (replacing the last package's). */
export async function keepOwnReceipts(
  db: Kysely<Database>,
  receipts: Receipts,
  department: string,
  baselineRevision: number,
): Promise<number> {
  const own: OwnReceipts = {
    asOf: receipts.asOf,
    department,
    baselineRevision,
    bundles: receipts.bundles.filter((b) => b.department === department),
  };
  await setSetting(db, RECEIPTS_SETTING, own);
  return own.bundles.length;
}

/** The receipts this copy keeps, or null before any package with receipts was applied. */
export async function ownReceipts(db: Kysely<Database>): Promise<OwnReceipts | null> {
  const parsed = ownReceiptsSchema.safeParse(await getSetting(db, RECEIPTS_SETTING));
  return parsed.success ? parsed.data : null;
}

/**
 * This copy's files from the one whose hash is `from` back, each naming the one before, oldest first, up to the
 * first `stop` accepts (not included) or the first that is not this copy's; `link` is the hash the walk ended on
 * (null: a first file's "no previous").
 */
export function walkChain(
  sent: readonly SentBundle[],
  from: string | null,
  stop: (file: SentBundle) => boolean = () => false,
): { files: SentBundle[]; link: string | null } {
  const bySha = new Map(sent.map((s) => [s.sha256, s]));
  const files: SentBundle[] = [];
  const seen = new Set<string>();
  let link = from;
  for (let file = link === null ? undefined : bySha.get(link); file !== undefined;) {
    if (stop(file) || seen.has(file.sha256)) break;
    seen.add(file.sha256);
    files.push(file);
    link = file.previousSha256;
    file = link === null ? undefined : bySha.get(link);
  }
  return { files: files.reverse(), link };
}

/**
 * Department: every submission file this copy made, newest first, with its receipt and the office's decisions on
 * the cards it carried. A file the package does not list that the chain no longer leads through (이어 보내기
 * chained a later file past it) is `skipped`.
 */
export async function sentBundlesWithReceipts(db: Kysely<Database>): Promise<SentBundleView[]> {
  const receipts = await ownReceipts(db);
  const decisions = await ownCardDecisions(db);
  const sent = await listSentBundles(db, 'pledge-submission');
  const held = { decisions: await ownHeldDecisions(db), made: sent };
  const onChain = new Set(walkChain(sent, sent.at(-1)?.sha256 ?? null).files.map((s) => s.sha256));
  return sent
    .map((s) => {
      const receipt = receiptOf(receipts, s, held);
      return {
        revision: s.revision,
        period: s.period,
        createdAt: s.createdAt,
        documents: s.documentCount,
        sha256: s.sha256,
        path: s.path,
        receipt:
          receipt?.state === 'missing' && !onChain.has(s.sha256)
            ? { asOf: receipt.asOf, state: 'skipped' as const, receivedAt: null }
            : receipt,
        cardDecisions: cardDecisionsOfFile(decisions, s.sha256),
      };
    })
    .reverse();
}

/**
 * What the office's last package says of one file this copy sent: its state there, or `missing` with the
 * highest revision of the same half-year the office did hold (a department can then resend what is missing).
 * Null when no package with receipts has been applied: nothing is known.
 */
export function receiptOf(
  receipts: OwnReceipts | null,
  sent: SentBundle,
  /** The office's decisions on this copy's held files, and every file this copy made (ownHeldDecisions). */
  held: { decisions: readonly HeldDecisionEntry[]; made: readonly SentBundle[] } = {
    decisions: [],
    made: [],
  },
): OfficeReceipt | null {
  if (receipts === null) return null;
  const found = receipts.bundles.find((b) => b.sha256 === sent.sha256);
  if (found?.state === 'held') {
    const decision = held.decisions.find((d) => d.sha256 === sent.sha256);
    return {
      asOf: receipts.asOf,
      state: 'held',
      receivedAt: found.receivedAt,
      keptOther:
        decision === undefined
          ? null
          : {
              decidedAt: decision.decidedAt,
              note: decision.note,
              countedMadeHere: held.made.some((m) => m.sha256 === decision.counted.sha256),
            },
    };
  }
  if (found) return { asOf: receipts.asOf, state: found.state, receivedAt: found.receivedAt };
  const samePeriod = receipts.bundles.filter((b) => b.period === sent.period && b.state !== 'held');
  const upTo = samePeriod.reduce<number | null>((max, b) => Math.max(max ?? 0, b.revision), null);
  return {
    asOf: receipts.asOf,
    state: 'missing',
    receivedAt: null,
    mayBeInTransit: Date.parse(sent.createdAt) > Date.parse(receipts.asOf) - IN_TRANSIT_MS,
    receivedUpTo: upTo,
  };
}
