import { listPeriods, type Period } from '../../../domain/term/periods';
import type { Term } from '../../../domain/term/types';

export const termPeriods = (term: Term): Period[] => listPeriods(term);
