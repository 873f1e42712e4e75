import { createDb } from '../create-db';
import { documentIdOf, getDocument, saveDocument } from '../documents';

// Child process for the crash test: saves a growing text as fast as it can and prints each confirmed version.
const path = process.argv[2];
if (!path) throw new Error('usage: save-loop-child DB_PATH');
const db = createDb(path);
const identity = {
  kind: 'executionPlan',
  projectId: '1-1-1',
  slot: 'plan',
  department: '경제진흥본부',
} as const;
// Continue from what survived the last kill, so that text length always equals the version number.
let text =
  ((await getDocument(db, documentIdOf(identity)))?.json as { text?: string } | undefined)?.text ?? '';
for (let i = 1; ; i++) {
  text += `${i % 10}`;
  const saved = await saveDocument(db, { ...identity, json: { text }, reason: 'autosave' }, new Date());
  process.stdout.write(`${saved.version}\n`);
}
