import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A data file that is not a database: what the start-up recovery tests put where pledge.sqlite should be. */
export const GARBAGE = Buffer.from('this is not a database\n'.repeat(400), 'utf8');

/** A file's SHA-256, to show that the recovery left it exactly as it was. */
export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Overwrites the root page of a table or index (by its name in the schema) of a closed database file with a
 * pattern no page type starts with: a file whose header and schema read fine while every read through that b-tree
 * fails with SQLITE_CORRUPT. The file must have no log beside it that holds the page. Returns the bytes written.
 */
export function damageRootPage(file: string, name: string): Buffer {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  let pageSize: number;
  let root: number;
  try {
    pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    root = sqlite.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(name) as number;
  } finally {
    sqlite.close();
  }
  if (!(root > 1)) throw new Error(`no b-tree named ${name}`);
  const bytes = readFileSync(file);
  bytes.fill(0xa5, (root - 1) * pageSize, root * pageSize);
  writeFileSync(file, bytes);
  return bytes;
}

/** Every entry under a folder: files with size and hash, folders as such (to show a folder was left as it was). */
export function folderSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) {
        out[`${relative(dir, full)}/`] = 'folder';
        walk(full);
      } else out[relative(dir, full)] = `${statSync(full).size}:${sha256(full)}`;
    }
  };
  walk(dir);
  return out;
}
