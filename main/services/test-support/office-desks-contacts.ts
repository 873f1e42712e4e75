import type { AppContext } from '../context';
import { openDeskSet, playStep } from './office-desks';
import { moveProject } from './office-desks-changes';
import { decideCoCard, isCoStep, sendCoCard } from './office-desks-codept';
import type { ContactsOffice } from './random-office-contacts';

/**
 * Plays a ContactsOffice (random-office-contacts.ts) on office-desks.ts's desk set: the office's steps as that file
 * plays them, the co-department's own cards and the office's decisions on them as office-desks-codept.ts plays
 * them, and the 부서 이관 as office-desks-changes.ts takes it.
 */
export async function playContactsOffice(
  root: string,
  scenario: Pick<ContactsOffice, 'behaviours' | 'steps'>,
  /** Runs before each step, with the steps played so far (a test looks at the office's report midway). */
  beforeStep?: (played: number, office: AppContext) => Promise<void>,
): Promise<{ office: AppContext; close(): Promise<void> }> {
  const set = await openDeskSet(root, scenario.behaviours.keys());
  try {
    for (const [i, step] of scenario.steps.entries()) {
      await beforeStep?.(i, set.office);
      if (step.kind === 'moveProject') {
        set.setClocks(step.at);
        await moveProject(set.office, step);
      } else if (!isCoStep(step)) await playStep(set, step);
      else if (step.kind === 'sendCoCard') await sendCoCard(set, step);
      else await decideCoCard(set, step);
    }
  } catch (error) {
    await set.close();
    throw error;
  }
  return { office: set.office, close: () => set.close() };
}
