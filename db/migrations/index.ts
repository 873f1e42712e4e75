import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-documents';
import { migration0003 } from './0003-bundles';
import { migration0004 } from './0004-office-decisions';
import { migration0005 } from './0005-bundle-files';
import { migration0006 } from './0006-held-bundles';
import { migration0007 } from './0007-received-by-slot';
import { migration0008 } from './0008-data-generation';
import { migration0009 } from './0009-received-rewrites';
import { migration0010 } from './0010-report-indexes';
import { migration0011 } from './0011-key-registry-generation';
import { migration0012 } from './0012-decided-card';
import { migration0013 } from './0013-retired-keys';
import { migration0014 } from './0014-write-counts';
import { migration0015 } from './0015-decided-basis';
import { migration0016 } from './0016-bundle-receipts';
import { migration0017 } from './0017-withdrawn-decisions';
import { migration0018 } from './0018-import-runs';

/** Every migration in order. Bundled statically (no file-system discovery), append-only. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
];

export const latestSchemaVersion = migrations.length;
