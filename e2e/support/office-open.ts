import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { OfficeReportPage } from '../pages/office-report-page';
import { CLOCK, PERIOD, type BuiltScenario } from './office-data';
import { cardJson, type ProjectInput } from './office-scenario';
import { startOfficeServer, type OfficeServer } from './office-server';

/**
 * The office's program on the scenario's data (clock after the deadline), its 종합 현황 open; `confirm` confirms
 * every received plan first. The caller stops the server.
 */
export async function openOfficeOn(
  page: Page,
  built: BuiltScenario,
  root: string,
  { confirm = true }: { confirm?: boolean } = {},
): Promise<{ office: OfficeReportPage; server: OfficeServer }> {
  const server = await startOfficeServer({
    dataDir: built.scenario.officeDir,
    profileDir: join(root, 'profile'),
    now: CLOCK.server,
  });
  const office = new OfficeReportPage(page);
  if (confirm) {
    await page.goto(server.url);
    for (const p of built.projects) await office.callApi('confirmReceivedPlan', { projectId: p.projectId });
  }
  await office.open(server.url);
  return { office, server };
}

/**
 * Department A corrects 4-2-4's city 집행 of the half-year (to `city`) and sends the half-year again, which the office
 * imports after the due date; returns the project as now reported and the correcting file's revision.
 */
export function correctCity424(
  built: BuiltScenario,
  city: number,
): { changed: ProjectInput; revision: number } {
  const changed = built.projects.find((p) => p.projectId === '4-2-4')!;
  const unit = changed.units[0]!;
  unit.executed.city = { ...unit.executed.city, [PERIOD]: city };
  built.scenario.draft(
    built.desks.A,
    cardJson(built.plans.get('4-2-4')!, changed, PERIOD),
    CLOCK.revisionImported,
  );
  const correction = built.scenario.exportBundle(built.desks.A, PERIOD, CLOCK.revisionImported);
  built.scenario.importBundles([correction.path], CLOCK.revisionImported);
  return { changed, revision: correction.revision };
}
