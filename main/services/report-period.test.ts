import { describe, expect, it } from 'vitest';
import type { AppContext } from './context';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  cardDoc,
  cardFor,
  planDoc,
  sendFromUnapprovedPc,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

/** The office's handlers with the program's clock at `iso` (PLEDGE_NOW does the same for the whole program). */
const at = (iso: string) => officeHandlers({ ...h.office, now: () => new Date(iso) } satisfies AppContext);
const opensOn = async (iso: string) => (await at(iso).getDefaultReportPeriod()).periodId;

describe('the half-year the office report opens on', () => {
  it('with nothing received, the one whose cards are due next by the clock; after the term, its last', async () => {
    expect(await opensOn('2019-01-16T09:00:00Z')).toBe('2019-H1'); // 2018 하반기 was due 2019-01-15
    expect(await opensOn('2020-02-01T09:00:00Z')).toBe('2020-H1');
    expect(await opensOn('2022-08-01T09:00:00Z')).toBe('2022-H1');
    // Plans have no half-year: a plan bundle leaves the choice to the clock.
    expect(await h.send('plan', [planDoc(basePlan())])).toBe('accepted');
    expect(await opensOn('2020-02-01T09:00:00Z')).toBe('2020-H1');
  });

  it('the latest half-year an accepted bundle reports on, whatever the clock says', async () => {
    const plan = basePlan();
    expect(await h.send('plan', [planDoc(plan)])).toBe('accepted');
    expect(await h.send('2019-H1', [cardDoc(cardFor(plan, 'onTrack'))])).toBe('accepted');
    expect(await opensOn('2020-02-01T09:00:00Z')).toBe('2019-H1');
    expect(await opensOn('2022-08-01T09:00:00Z')).toBe('2019-H1');
  });

  it('a quarantined bundle (a key not approved yet) does not count', async () => {
    const card = { ...cardFor(basePlan(), 'onTrack'), periodId: '2021-H1' };
    expect((await sendFromUnapprovedPc(h, '2021-H1', [cardDoc(card)])).status).toBe('quarantined');
    expect(await opensOn('2020-02-01T09:00:00Z')).toBe('2020-H1');
  });

  it('is the office’s: a department copy is refused', async () => {
    await expect(officeHandlers(h.dept).getDefaultReportPeriod()).rejects.toThrow();
  });
});
