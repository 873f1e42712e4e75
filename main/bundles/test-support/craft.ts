// Test helper: take a bundle apart and put (possibly altered) pieces back together, re-signing when asked.
import { signBytes } from '../key-material';
import { DEFAULT_LIMITS } from '../limits';
import { readZipEntries } from '../read';
import { buildRawZip } from './raw-zip';
import type { RawEntry } from './raw-zip';

export type Piece = { name: string; data: Buffer };

export async function takeApart(bundle: Buffer): Promise<Piece[]> {
  const read = await readZipEntries(bundle, DEFAULT_LIMITS);
  if (!read.ok) throw new Error(`not a valid bundle: ${read.message}`);
  return read.entries.map((e) => ({ name: e.name, data: e.data }));
}

/** As writeBundle stores it (uncompressed). */
export function canonicalEntry(piece: Piece, extra: Partial<RawEntry> = {}): RawEntry {
  return { name: piece.name, data: piece.data, method: 0, ...extra };
}

export function assemble(pieces: Piece[]): Buffer {
  return buildRawZip(pieces.map((p) => canonicalEntry(p)));
}

/** Replaces manifest.json with these bytes and manifest.sig with a fresh signature by this key. */
export function resign(pieces: Piece[], manifestBytes: Buffer, privateKeyPem: string): Piece[] {
  const signature = signBytes(manifestBytes, privateKeyPem);
  return pieces.map((p) =>
    p.name === 'manifest.json'
      ? { name: p.name, data: manifestBytes }
      : p.name === 'manifest.sig'
        ? { name: p.name, data: signature }
        : p,
  );
}

export function manifestOf(pieces: Piece[]): Record<string, unknown> {
  const piece = pieces.find((p) => p.name === 'manifest.json');
  if (!piece) throw new Error('no manifest');
  return JSON.parse(piece.data.toString('utf8')) as Record<string, unknown>;
}
