import type { Migration } from './types';
import { migration0001 } from './0001-initial';

/** Every migration in order. Bundled statically (no file-system discovery), append-only. */
export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations.length;
