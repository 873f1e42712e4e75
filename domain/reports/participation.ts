import { PARTICIPATION_COUNT_KEYS, type ParticipationCountKey } from '../documents';
import { areaIdOf, leadCardOf, type ReportContext } from './context';
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

/** 시민참여 실적 summed over the lead departments' cards of the half-year (each card's counts are cumulative). */
export function buildParticipation(ctx: ReportContext): ParticipationReport {
  const totals = emptyCounts();
  const byArea = new Map(ctx.areas.map((a) => [a.id, emptyCounts()]));
  let cardCount = 0;
  let activityCount = 0;
  for (const project of ctx.projects) {
    const card = leadCardOf(ctx, project);
    if (card === null) continue;
    cardCount += 1;
    activityCount += card.citizenParticipation.activities.length;
    const areaId = areaIdOf(ctx, project);
    let area = byArea.get(areaId);
    if (area === undefined) {
      area = emptyCounts();
      byArea.set(areaId, area);
    }
    for (const key of PARTICIPATION_COUNT_KEYS) {
      const n = card.citizenParticipation.counts[key];
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
    activityCount,
  };
}
