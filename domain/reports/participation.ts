import { PARTICIPATION_COUNT_KEYS, type ParticipationCountKey } from '../documents';
import type { CitizenParticipation } from '../documents';
import { areaIdOf, leadCardOf, priorLeadCardOf, type ReportContext } from './context';
import type { ParticipationReport } from './types';

type Counts = Record<ParticipationCountKey, number> & { total: number };

function emptyCounts(): Counts {
  return {
    ...(Object.fromEntries(PARTICIPATION_COUNT_KEYS.map((k) => [k, 0])) as Record<
      ParticipationCountKey,
      number
    >),
    total: 0,
  };
}

/**
 * 시민참여 실적 by area and in total: each project's counts as last reported, since a card's counts are cumulative
 * from the term's start. That is the lead's card of the half-year; for a project without one, the lead's card of the
 * half-year just before, else the lead's last card of an earlier half-year, else its confirmed plan (where a first
 * card starts from), so cards not sent for a while do not take a project's earlier activities out of the city's
 * totals. Each source is counted.
 */
export function buildParticipation(ctx: ReportContext): ParticipationReport {
  const totals = emptyCounts();
  const byArea = new Map(ctx.areas.map((a) => [a.id, emptyCounts()]));
  let cardCount = 0;
  let priorCardCount = 0;
  let earlierCardCount = 0;
  let planCount = 0;
  let unreportedCount = 0;
  let activityCount = 0;
  for (const project of ctx.projects) {
    let participation: CitizenParticipation;
    const card = leadCardOf(ctx, project);
    const prior = card === null ? priorLeadCardOf(ctx, project) : undefined;
    const earlier =
      card === null && prior === undefined ? ctx.earlierCardByProject.get(project.id) : undefined;
    const plan =
      card === null && prior === undefined && earlier === undefined
        ? ctx.planByProject.get(project.id)
        : undefined;
    if (card !== null) {
      cardCount += 1;
      participation = card.citizenParticipation;
    } else if (prior !== undefined) {
      priorCardCount += 1;
      participation = prior.citizenParticipation;
    } else if (earlier !== undefined) {
      earlierCardCount += 1;
      participation = earlier.citizenParticipation;
    } else if (plan !== undefined) {
      planCount += 1;
      participation = plan.citizenParticipation;
    } else {
      unreportedCount += 1;
      continue;
    }
    activityCount += participation.activities.length;
    const areaId = areaIdOf(ctx, project);
    let area = byArea.get(areaId);
    if (area === undefined) {
      area = emptyCounts();
      byArea.set(areaId, area);
    }
    for (const key of PARTICIPATION_COUNT_KEYS) {
      const n = participation.counts[key];
      totals[key] += n;
      totals.total += n;
      area[key] += n;
      area.total += n;
    }
  }
  return {
    totals,
    byArea: [...byArea].map(([areaId, counts]) => ({
      areaId,
      areaName: ctx.areaById.get(areaId)?.name ?? String(areaId),
      counts,
    })),
    cardCount,
    priorCardCount,
    earlierCardCount,
    planCount,
    unreportedCount,
    activityCount,
  };
}
