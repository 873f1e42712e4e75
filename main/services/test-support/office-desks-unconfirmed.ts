import type { AppContext } from '../context';
import { createHandlers } from '../handlers';
import { type OfficeDesks, openDeskSet, playStep } from './office-desks';
import { resendPlan } from './office-desks-changes';
import type { UnconfirmedOffice } from './random-office-unconfirmed';

/**
 * Plays an UnconfirmedOffice through the app as office-desks.ts plays a RandomOffice (the same desk set and clocks),
 * with its two steps more: a department's copy marking its own plan confirmed (the drafting API's confirmDocument),
 * and a plan sent again after the desk holds it confirmed (office-desks-changes.ts's resendPlan). `afterStep`, when
 * given, runs after each step with the steps played so far.
 */
export async function playUnconfirmedOffice(
  root: string,
  scenario: UnconfirmedOffice,
  afterStep?: (played: number, office: AppContext) => Promise<void>,
): Promise<OfficeDesks> {
  const set = await openDeskSet(root, scenario.base.behaviours.keys());
  try {
    for (const [i, step] of scenario.steps.entries()) {
      switch (step.kind) {
        case 'confirmLocally':
          set.setClocks(step.at);
          await createHandlers(set.deskOf(step.department)).confirmDocument({
            kind: 'executionPlan',
            projectId: step.projectId,
            slot: 'plan',
            department: step.department,
          });
          break;
        case 'resendPlan':
          await resendPlan(set, step);
          break;
        default:
          await playStep(set, step);
      }
      await afterStep?.(i + 1, set.office);
    }
  } catch (error) {
    await set.close();
    throw error;
  }
  return { office: set.office, close: () => set.close() };
}
