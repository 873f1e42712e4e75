import seoulMinseon7TermData from './data/seoul-minseon7.term.json';
import { termSchema, type Term } from './types';

/** 민선7기 (2018-07 … 2022-06), validated when the module loads. */
export const seoulMinseon7Term: Term = termSchema.parse(seoulMinseon7TermData);
