import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A data file that is not a database: what the start-up recovery tests put where pledge.sqlite should be. */
export const GARBAGE = Buffer.from('this is not a database\n'.repeat(400), 'utf8');

/** A file's SHA-256, to show that the recovery left it exactly as it was. */
export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
