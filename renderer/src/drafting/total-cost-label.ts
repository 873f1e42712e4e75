import type { Term } from '../../../domain/term/types';

/** "'22.6월": the term's last month as the forms write it (총사업비 ~'22.6월까지). */
const termEndLabel = (term: Term) => `'${term.end.slice(2, 4)}.${Number(term.end.slice(5, 7))}월`;

/**
 * "총사업비 (~'22.6월까지)": how 붙임3 and 붙임4 head 총사업비, up to the term's end (the term comes from data), on the
 * plan and card forms and on their print alike.
 */
export const totalCostLabel = (term: Term): string => `총사업비 (~${termEndLabel(term)}까지)`;
