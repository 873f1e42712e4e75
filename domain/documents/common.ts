import { z } from 'zod';
import { josa } from '../text/josa';
import { millionWonOfTyped } from '../text/won-typed';
import { plainRecordCopy, THROUGH_SCHEMA, withFastPath } from './fast-path';

/**
 * Building blocks shared by the four forms (붙임3–6): money, funding sources, contacts, attachments, enums with
 * their Korean labels. Every schema carries its own Korean messages, so a form (zodResolver) and a bundle import
 * show the same text without a global zod configuration.
 */

// ---------------------------------------------------------------------------------------------------------------
// Messages and schema helpers

export const MONEY_MESSAGE = '금액은 0 이상의 숫자여야 합니다 (백만원)';
export const MONEY_COMMA_MESSAGE =
  '쉼표(,)는 천 단위 구분(1,234)에만 쓸 수 있습니다. 소수점은 마침표(.)로 입력하세요 (백만원)';
export const MONEY_SPACE_MESSAGE =
  '숫자 사이에 띄어쓰기를 넣을 수 없습니다. 1500 또는 1,500처럼 입력하세요 (백만원)';
export const MONEY_UNIT_MESSAGE = '단위 글자(원, 백만원 등)는 빼고 백만원 단위의 숫자만 입력하세요';
/** Words with no digit ("칠백"): the cell takes digits. */
export const MONEY_WORDS_MESSAGE = '금액은 숫자로 입력하세요 (백만원 단위, 예: 7억원은 700)';
/** "7억" typed: the number to type instead, in 백만원. */
export const moneyInUnitsMessage = (typed: string, millionWon: number): string => {
  const shown = millionWon.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return `${josa(`'${typed}'`, '은/는')} 백만원 단위로 ${shown}입니다. 숫자 ${josa(shown, '을/를')} 입력하세요`;
};
export const MONEY_DECIMALS_MESSAGE = '금액은 소수점 셋째 자리(천원 단위)까지만 입력할 수 있습니다 (백만원)';
/** The currency sign typed with a number ("₩1,000"): the unit is 백만원 and the cell takes the number only. */
export const MONEY_CURRENCY_MESSAGE = '₩ 표시는 빼고 백만원 단위의 숫자만 입력하세요 (예: 10억원은 1,000)';
export const COUNT_MESSAGE = '횟수는 0 이상의 정수여야 합니다';
export const REQUIRED_MESSAGE = '필수 항목이 없습니다';

type IssueLike = { code?: string; input?: unknown; keys?: string[]; issues?: { message?: string }[] };

const missingOr = (message: string) => (iss: IssueLike) =>
  iss.input === undefined ? REQUIRED_MESSAGE : message;

/** An object that rejects unknown keys: bundles must not carry surprise fields. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (iss: IssueLike) => {
      if (iss.code === 'unrecognized_keys') return `허용되지 않는 항목입니다: ${(iss.keys ?? []).join(', ')}`;
      return iss.input === undefined ? REQUIRED_MESSAGE : '항목 묶음(객체) 형식이어야 합니다';
    },
  });
}

/** Free text; empty is allowed by the schema (drafts), required-ness is checked by `validateDocument`. */
export function textSchema(max = 20_000) {
  return z
    .string({ error: missingOr('글자로 입력해야 합니다') })
    .max(max, `${max.toLocaleString('en-US')}자 이내로 입력하세요`);
}

export function arraySchema<T extends z.ZodType>(item: T, max = 500) {
  return z
    .array(item, { error: missingOr('목록 형식이어야 합니다') })
    .max(max, `${max.toLocaleString('en-US')}개 이하로 입력하세요`);
}

export function enumSchema<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
) {
  const allowed = values.map((v) => labels[v as T[number]]).join(', ');
  return z.enum(values, { error: missingOr(`허용되지 않는 값입니다 (${allowed} 중 하나)`) });
}

/** A record whose keys are checked by `key`; a bad key reports the key schema's message at `path.key`. */
export function recordSchema<K extends z.core.$ZodRecordKey, V extends z.ZodType>(key: K, value: V) {
  return z.record(key, value, {
    error: (iss: IssueLike) => {
      if (iss.code === 'invalid_key') return iss.issues?.[0]?.message ?? '허용되지 않는 키입니다';
      return iss.input === undefined ? REQUIRED_MESSAGE : '항목 묶음(객체) 형식이어야 합니다';
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Money (백만원)

/** Amounts are compared and summed as integers of 1/1000 백만원 (천원), so this bounds the exact range. */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 1000);
/** An amount above MAX_AMOUNT: the message names the largest amount the form takes. */
export const MONEY_TOO_LARGE_MESSAGE = `금액이 너무 큽니다. ${MAX_AMOUNT.toLocaleString('en-US')} 백만원 이하로 입력하세요`;

/**
 * Parses what a person types: "1,234.5", " 12 ", and full-width digits from a Korean IME ("１２３"). Returns null
 * for text that is not a plain decimal number. Commas count only as thousands separators ("1,234",
 * "12,345,678.5"): "1,5" or "12,34" is refused rather than read as 15 or 1234, since it is as likely a decimal
 * comma or a slip.
 */
export function parseAmountText(text: string): number | null {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed.includes(',') && !/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed)) return null;
  const cleaned = trimmed.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function hasAtMostThreeDecimals(n: number): boolean {
  return Math.round(n * 1000) / 1000 === n;
}

/** Why an amount is unacceptable, or null when it is a valid 백만원 figure. */
export function amountProblem(n: unknown): string | null {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return MONEY_MESSAGE;
  if (n > MAX_AMOUNT) return MONEY_TOO_LARGE_MESSAGE;
  if (!hasAtMostThreeDecimals(n)) return MONEY_DECIMALS_MESSAGE;
  return null;
}

function checkAmount(n: number | null, ctx: z.RefinementCtx<unknown>): number {
  const problem = n === null ? MONEY_MESSAGE : amountProblem(n);
  if (problem !== null) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return n as number;
}

/** Why typed text is no amount, when it is a common slip with a message of its own (else null). */
function typedAmountProblem(text: string): string | null {
  const typed = text.normalize('NFKC').trim();
  // ₩ (the full-width ￦ becomes ₩ under NFKC; a Korean keyboard's ₩ key types "\") is refused, not stripped:
  // "₩1,000" is 1,000원, not 1,000 백만원, and the cell cannot tell which was meant.
  if (/[₩\\]/.test(typed) && !/[가-힣]/.test(typed)) return MONEY_CURRENCY_MESSAGE;
  if (/[가-힣]/.test(typed)) {
    const millionWon = millionWonOfTyped(typed);
    if (millionWon !== null && amountProblem(millionWon) === null)
      return moneyInUnitsMessage(typed, millionWon);
    return /\d/.test(typed) ? MONEY_UNIT_MESSAGE : MONEY_WORDS_MESSAGE;
  }
  if (/\d\s+\d/.test(typed)) return MONEY_SPACE_MESSAGE;
  if (typed.includes(',')) return MONEY_COMMA_MESSAGE;
  return null;
}

/** An amount typed as text: a misplaced comma, a space or a unit gets its own message. */
function textAmount(text: string, ctx: z.RefinementCtx<unknown>): number {
  const n = parseAmountText(text);
  // So many digits that they make no finite number: too large, like any amount above MAX_AMOUNT.
  if (n === Number.POSITIVE_INFINITY) {
    ctx.addIssue({ code: 'custom', message: MONEY_TOO_LARGE_MESSAGE });
    return z.NEVER;
  }
  const slip = n === null ? typedAmountProblem(text) : null;
  if (slip !== null) {
    ctx.addIssue({ code: 'custom', message: slip });
    return z.NEVER;
  }
  return checkAmount(n, ctx);
}

/** An amount the money schemas return as it is: a valid amount given as a number (not typed text). */
const amountAsIs = (value: unknown): boolean => typeof value === 'number' && amountProblem(value) === null;

/** A money cell the schema returns as it is: blank (null) or a valid amount as a number. */
const moneyCellAsIs = (value: unknown): boolean => value === null || amountAsIs(value);

/**
 * A required amount in 백만원: a number, or text a person typed ("1,200.5"). Output is always a number. The
 * schema as written, and (below) with the fast path for an amount given as a number (fast-path.ts).
 */
export const moneySchemaPrecise = () =>
  z
    .union([z.number({ error: MONEY_MESSAGE }), z.string({ error: MONEY_MESSAGE })], {
      error: MONEY_MESSAGE,
    })
    .transform((v, ctx) => (typeof v === 'number' ? checkAmount(v, ctx) : textAmount(v, ctx)));
export const moneySchema = withFastPath(moneySchemaPrecise(), (v) => (amountAsIs(v) ? v : THROUGH_SCHEMA));

/** A grid cell: blank (null or empty text) or an amount in 백만원. */
export const moneyCellSchemaPrecise = () =>
  z
    .union(
      [
        z.number({ error: MONEY_MESSAGE }),
        z.string({ error: MONEY_MESSAGE }),
        z.null({ error: MONEY_MESSAGE }),
      ],
      {
        error: MONEY_MESSAGE,
      },
    )
    .transform((v, ctx): number | null => {
      if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
      return typeof v === 'number' ? checkAmount(v, ctx) : textAmount(v, ctx);
    });
export const moneyCellSchema = withFastPath(moneyCellSchemaPrecise(), (v) =>
  moneyCellAsIs(v) ? v : THROUGH_SCHEMA,
);
export type MoneyCell = z.output<typeof moneyCellSchema>;

/** A count of events (시민참여 횟수). Blank text counts as 0. */
export const countSchemaPrecise = () =>
  z
    .union([z.number({ error: COUNT_MESSAGE }), z.string({ error: COUNT_MESSAGE })], { error: COUNT_MESSAGE })
    .transform((v, ctx) => {
      const n = typeof v === 'number' ? v : v.trim() === '' ? 0 : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: COUNT_MESSAGE });
        return z.NEVER;
      }
      return n;
    });
export const countSchema = withFastPath(countSchemaPrecise(), (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : THROUGH_SCHEMA,
);

// ---------------------------------------------------------------------------------------------------------------
// Funding sources (재원)

export const FUNDING_SOURCES = ['national', 'city', 'district', 'private', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
/** Labels of the plan and card grids (붙임3, 붙임4). */
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  national: '국비',
  city: '시비',
  district: '구비',
  private: '민간',
  other: '기타',
};
/** Labels of the financial execution table (붙임5). */
export const FINANCE_SOURCE_LABELS: Record<FundingSource, string> = {
  national: '국비',
  city: '시·도비',
  district: '시군구비',
  private: '민간',
  other: '기타',
};
export const fundingSourceSchema = enumSchema(FUNDING_SOURCES, FUNDING_SOURCE_LABELS);

// ---------------------------------------------------------------------------------------------------------------
// Periods and budget years

/** The column after the term's half-years / years: 임기후. */
export const AFTER_TERM = 'afterTerm' as const;
export const AFTER_TERM_LABEL = '임기후';

const SCHEDULE_KEY = /^(\d{4}-H[12]|afterTerm)$/;
const BUDGET_YEAR_KEY = /^(\d{4}|afterTerm)$/;
const EXECUTED_KEY = /^\d{4}-H[12]$/;

/** Schedule key: a half-year ("2019-H1") or 임기후. */
export const scheduleKeySchema = z
  .string()
  .regex(SCHEDULE_KEY, '반기는 "2019-H1" 형식 또는 "afterTerm"(임기후)이어야 합니다');
/** Investment grid key: a budget year ("2019") or 임기후. */
export const budgetYearKeySchema = z
  .string()
  .regex(BUDGET_YEAR_KEY, '연도는 "2019" 형식 또는 "afterTerm"(임기후)이어야 합니다');
/** Executed grid key: a half-year only (execution happens within the term). */
export const executedKeySchema = z.string().regex(EXECUTED_KEY, '반기는 "2019-H1" 형식이어야 합니다');

export const YEAR_MONTH_MESSAGE = '연월은 "2022-06" 형식이어야 합니다';

/**
 * A year-month as people write it, read as "YYYY-MM": "2018-07", "2018-7", "2018.7", "2018. 7.", "2018/07",
 * "201807", "2018년 7월", and a two-digit year only where it is written as a year ("22년 6월", "'22.6", "’22.6월"
 * → "2022-06"; the form's own way of writing the term's years). Full-width digits from a Korean IME are read too.
 * Blank stays "" (drafts). Anything else is refused with a message that shows the accepted form with the
 * person's own numbers where there are any ("22.6" → '"2022-06"처럼 …'), never guessed.
 */
export function parseYearMonthText(text: string): { value: string } | { problem: string } {
  const typed = text
    .normalize('NFKC')
    .trim()
    .replace(/[‘’`´]/g, "'");
  if (typed === '') return { value: '' };
  const month = (y: string, m: string): { value: string } | { problem: string } => {
    const n = Number(m);
    if (n < 1 || n > 12) return { problem: `${n}월은 없습니다. 월은 1~12로 "${y}-06"처럼 입력하세요` };
    return { value: `${y}-${String(n).padStart(2, '0')}` };
  };
  const sep = String.raw`\s*[-./]\s*`;
  const monthEnd = String.raw`\s*(?:\.|월)?`;
  // A four-digit year: 2018-07, 2018.7, 2018. 7., 2018/7, 2018.7월, 2018년 7월, 201807.
  const full =
    new RegExp(String.raw`^(\d{4})(?:${sep}|\s*년\s*)(\d{1,2})${monthEnd}$`).exec(typed) ??
    /^(\d{4})(\d{2})$/.exec(typed);
  if (full) return month(full[1] as string, full[2] as string);
  // A two-digit year written as a year ('22.6, 22년 6월): 2000–2099, the only century the term's years are in.
  const short =
    new RegExp(String.raw`^'\s*(\d{2})(?:${sep}|\s*년\s*)(\d{1,2})${monthEnd}$`).exec(typed) ??
    new RegExp(String.raw`^(\d{2})\s*년\s*(\d{1,2})${monthEnd}$`).exec(typed);
  if (short) return month(`20${short[1] as string}`, short[2] as string);
  // A bare two-digit year (22.6, 22-06) may be a year or not: the accepted form is shown, not guessed.
  const bare = new RegExp(String.raw`^(\d{2})${sep}(\d{1,2})${monthEnd}$`).exec(typed);
  if (bare) {
    const n = Number(bare[2]);
    const m = n >= 1 && n <= 12 ? String(n).padStart(2, '0') : '06';
    return { problem: `연도는 네 자리로 "20${bare[1] as string}-${m}"처럼 입력하세요` };
  }
  // A day as well (2018.7.15, 2018-07-15): the field takes the year and month only.
  const day = new RegExp(
    String.raw`^(\d{4})(?:${sep}|\s*년\s*)(\d{1,2})(?:${sep}|\s*월\s*)\d{1,2}\s*(?:\.|일)?$`,
  ).exec(typed);
  if (day) {
    const n = Number(day[2]);
    const m = n >= 1 && n <= 12 ? String(n).padStart(2, '0') : '06';
    return { problem: `날짜 없이 연월만 "${day[1] as string}-${m}"처럼 입력하세요` };
  }
  return { problem: YEAR_MONTH_MESSAGE };
}

/** Text read by `read` into its stored form, or refused with the problem it names. */
function readTextSchema(read: (text: string) => { value: string } | { problem: string }) {
  return z.string({ error: missingOr('글자로 입력해야 합니다') }).transform((text, ctx) => {
    const result = read(text);
    if ('problem' in result) {
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    }
    return result.value;
  });
}

/** "YYYY-MM" (사업기간 from/to), or "" while drafting; typed text ("2018.7", "22년 6월") is read as "YYYY-MM". */
export const yearMonthSchema = readTextSchema(parseYearMonthText);

export const ACTIVITY_DATE_MESSAGE = '날짜는 "2018-09" 또는 "2018-09-12" 형식이어야 합니다';

/**
 * A 활동 일자 as people write it, read as "YYYY-MM" or "YYYY-MM-DD": "2018-09", "2018.9", "2018.9.12.", "2018/9/12",
 * "2018년9월12일" (full-width digits too). A month or a day the calendar does not have is named ("2019년 4월에는
 * 31일이 없습니다"), never moved to another day.
 */
export function parseActivityDateText(text: string): { value: string } | { problem: string } {
  const typed = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:(?:[-./]|월)\s*(\d{1,2})\s*(?:\.|일)?|\.|월)?$/.exec(
    typed,
  );
  if (m === null) return { problem: ACTIVITY_DATE_MESSAGE };
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { problem: `${month}월은 없습니다. ${ACTIVITY_DATE_MESSAGE}` };
  const yearMonth = `${m[1] as string}-${String(month).padStart(2, '0')}`;
  if (m[3] === undefined) return { value: yearMonth };
  const day = Number(m[3]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay)
    return { problem: `${year}년 ${month}월에는 ${day}일이 없습니다 (1~${lastDay}일)` };
  return { value: `${yearMonth}-${String(day).padStart(2, '0')}` };
}

/** A 활동 일자: "YYYY-MM" or "YYYY-MM-DD"; typed text ("2018.9.12") is read as such (parseActivityDateText). */
export const activityDateSchema = readTextSchema(parseActivityDateText);

/** "YYYY-MM-DD". */
export const isoDateSchema = z
  .string({ error: missingOr('글자로 입력해야 합니다') })
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '날짜는 "2019-01-15" 형식이어야 합니다');

const MAX_SCHEDULE_TEXT = 5_000;

/** A text cell the schema returns as it is: any text within the length. */
const scheduleTextAsIs = (value: unknown): boolean =>
  typeof value === 'string' && value.length <= MAX_SCHEDULE_TEXT;

/** Half-year grid of text (연차별 추진계획 / 연차별 실적). The schema, and its fast path (fast-path.ts). */
export const scheduleSchemaPrecise = () => recordSchema(scheduleKeySchema, textSchema(MAX_SCHEDULE_TEXT));
export const resultsSchemaPrecise = () => recordSchema(executedKeySchema, textSchema(MAX_SCHEDULE_TEXT));
export const scheduleSchema = withFastPath(scheduleSchemaPrecise(), (input) =>
  plainRecordCopy(input, SCHEDULE_KEY, scheduleTextAsIs),
);
export const resultsSchema = withFastPath(resultsSchemaPrecise(), (input) =>
  plainRecordCopy(input, EXECUTED_KEY, scheduleTextAsIs),
);

/** A grid's row of amounts by budget year or half-year, as written: every key and cell through zod's steps. */
export const moneyRowSchemaPrecise = <K extends z.core.$ZodRecordKey>(key: K) =>
  recordSchema(key, moneyCellSchemaPrecise());

function sourceGrid<K extends z.core.$ZodRecordKey>(key: K, keyPattern: RegExp) {
  const row = withFastPath(recordSchema(key, moneyCellSchema), (input) =>
    plainRecordCopy(input, keyPattern, moneyCellAsIs),
  );
  return strictObject({ national: row, city: row, district: row, private: row, other: row });
}
/** 연차별 투자수요: source → budget year | 임기후 → amount. All five sources are present so form paths exist. */
export const investmentGridSchema = sourceGrid(budgetYearKeySchema, BUDGET_YEAR_KEY);
export type InvestmentGrid = z.output<typeof investmentGridSchema>;
/** 연차별 집행액: source → half-year → amount. */
export const executedGridSchema = sourceGrid(executedKeySchema, EXECUTED_KEY);
export type ExecutedGrid = z.output<typeof executedGridSchema>;

export function emptySourceGrid(): Record<FundingSource, Record<string, MoneyCell>> {
  return { national: {}, city: {}, district: {}, private: {}, other: {} };
}

// ---------------------------------------------------------------------------------------------------------------
// People and departments

export const CONTACT_POSITIONS = ['chief', 'teamLeader', 'officer'] as const;
export type ContactPosition = (typeof CONTACT_POSITIONS)[number];
export const CONTACT_POSITION_LABELS: Record<ContactPosition, string> = {
  chief: '과장',
  teamLeader: '팀장',
  officer: '담당',
};

/** Lenient: digits with spaces, hyphens, dots, parentheses, an optional leading +; "2133-6610", "02)2133-6610". */
export const PHONE_PATTERN = /^(\+?\(?\d[\d\s().-]{1,22}\d)?$/;
export const PHONE_MESSAGE = '전화번호는 숫자와 - ( ) 로 입력하세요 (예: 02-2133-6610)';

/** 과장/팀장/담당 with name and phone, e.g. "투자창업과장: 홍길동 ☎ 2133-6610". */
export const contactPersonSchema = strictObject({
  position: enumSchema(CONTACT_POSITIONS, CONTACT_POSITION_LABELS),
  /** The 과 or 팀 the position belongs to ("투자창업과", "핀테크팀"); empty for 담당. */
  unit: textSchema(100),
  name: textSchema(50),
  phone: textSchema(30).regex(PHONE_PATTERN, PHONE_MESSAGE),
});
export type ContactPerson = z.output<typeof contactPersonSchema>;

/** 협조부서 with its own contacts. */
export const cooperatingDepartmentSchema = strictObject({
  department: textSchema(100),
  contacts: arraySchema(contactPersonSchema, 10),
});
export type CooperatingDepartment = z.output<typeof cooperatingDepartmentSchema>;

/** A contact not yet named (a new row of 담당자, a request's 담당자). */
export const emptyContact = (position: ContactPosition = 'officer'): ContactPerson => ({
  position,
  unit: '',
  name: '',
  phone: '',
});

export function emptyContacts(): ContactPerson[] {
  return CONTACT_POSITIONS.map(emptyContact);
}

// ---------------------------------------------------------------------------------------------------------------
// Attachments: referenced by content hash; the bytes are stored elsewhere.

export const attachmentRefSchema = strictObject({
  sha256: z
    .string({ error: missingOr('글자로 입력해야 합니다') })
    .regex(/^[0-9a-f]{64}$/, '첨부파일 해시(sha256)는 소문자 16진수 64자여야 합니다'),
  name: textSchema(255).min(1, '첨부파일 이름이 없습니다'),
  mediaType: z
    .string({ error: missingOr('글자로 입력해야 합니다') })
    .regex(/^[\w.+-]+\/[\w.+-]+$/, '첨부파일 형식(mediaType)은 "image/jpeg" 형식이어야 합니다'),
  size: z
    .number({ error: missingOr('첨부파일 크기는 숫자여야 합니다') })
    .int('첨부파일 크기는 정수(바이트)여야 합니다')
    .nonnegative('첨부파일 크기는 0 이상이어야 합니다'),
});
export type AttachmentRef = z.output<typeof attachmentRefSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 총사업비: an amount or 비예산

export const totalCostSchema = z
  .discriminatedUnion(
    'kind',
    [
      strictObject({ kind: z.literal('amount'), amount: moneySchema }),
      strictObject({ kind: z.literal('nonBudget') }),
    ],
    { error: missingOr('총사업비는 금액 또는 비예산이어야 합니다') },
  )
  .nullable();
export type TotalCost = z.output<typeof totalCostSchema>;

// ---------------------------------------------------------------------------------------------------------------
// 시민참여 실적

export const PARTICIPATION_COUNT_KEYS = [
  'briefings',
  'surveys',
  'expertConsultations',
  'mediaReports',
  'other',
] as const;
export type ParticipationCountKey = (typeof PARTICIPATION_COUNT_KEYS)[number];
export const PARTICIPATION_COUNT_LABELS: Record<ParticipationCountKey, string> = {
  briefings: '설명회·공청회 등',
  surveys: '만족도조사',
  expertConsultations: '민간전문가 자문',
  mediaReports: '언론/방송 보도',
  other: '기타',
};

export const ATTACHMENT_CATEGORIES = ['photo', 'pressClipping', 'other'] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];
export const ATTACHMENT_CATEGORY_LABELS: Record<AttachmentCategory, string> = {
  photo: '주요활동사진',
  pressClipping: '언론보도',
  other: '기타',
};

export const citizenParticipationSchema = strictObject({
  counts: strictObject({
    briefings: countSchema,
    surveys: countSchema,
    expertConsultations: countSchema,
    mediaReports: countSchema,
    other: countSchema,
  }),
  /** "전문가 및 단체 자문회의 개최 4회('18.9월)". */
  activities: arraySchema(
    strictObject({
      description: textSchema(1_000),
      count: countSchema.nullable(),
      /** "YYYY-MM" or "YYYY-MM-DD". */
      dates: arraySchema(activityDateSchema, 50),
    }),
  ),
  /** 주요활동사진 및 언론보도. */
  attachments: arraySchema(
    strictObject({
      category: enumSchema(ATTACHMENT_CATEGORIES, ATTACHMENT_CATEGORY_LABELS),
      caption: textSchema(500),
      file: attachmentRefSchema,
    }),
    200,
  ),
});
export type CitizenParticipation = z.output<typeof citizenParticipationSchema>;

export function emptyCitizenParticipation(): CitizenParticipation {
  return {
    counts: { briefings: 0, surveys: 0, expertConsultations: 0, mediaReports: 0, other: 0 },
    activities: [],
    attachments: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Enumerations of the forms

/** 추진상황 (card status), in the order of the form and of the evaluation scale. */
export const CARD_STATUSES = ['completed', 'continuing', 'onTrack', 'partial', 'onHold', 'dropped'] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];
export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  completed: '완료',
  continuing: '이행 후 계속 추진',
  onTrack: '정상추진',
  partial: '일부추진',
  onHold: '보류',
  dropped: '폐기',
};
/** Position in the scale (1 = 완료) for sorting and reports. */
export const CARD_STATUS_ORDER: Record<CardStatus, number> = {
  completed: 1,
  continuing: 2,
  onTrack: 3,
  partial: 4,
  onHold: 5,
  dropped: 6,
};
export type CardStatusGroup = 'goalReached' | 'goalNotReached' | 'notCarriedOut';
export const CARD_STATUS_GROUPS: Record<CardStatus, CardStatusGroup> = {
  completed: 'goalReached',
  continuing: 'goalReached',
  onTrack: 'goalNotReached',
  partial: 'goalNotReached',
  onHold: 'notCarriedOut',
  dropped: 'notCarriedOut',
};
export const CARD_STATUS_GROUP_LABELS: Record<CardStatusGroup, string> = {
  goalReached: '목표달성',
  goalNotReached: '목표미달성',
  notCarriedOut: '사업미실시',
};
export const cardStatusSchema = enumSchema(CARD_STATUSES, CARD_STATUS_LABELS);

/**
 * 목표달성 — 완료 or 이행 후 계속 추진: a status the department asks for with its 완료 근거 and the planning office
 * decides (seed 000, 공약이행 완료: "완료기준 : 완료 / 이행후 계속추진", "완료사업에 대해 총괄부서와 협의 후 최종
 * 결정"). Until decided it counts as reported, marked 결정 대기; rejected, it counts as 정상추진.
 */
export const asksCompletion = (status: CardStatus | 'notSubmitted' | null | undefined): boolean =>
  status === 'completed' || status === 'continuing';

/** 추진구분 / 사업구분. */
export const NEW_OR_CONTINUING = ['new', 'continuing'] as const;
export type NewOrContinuing = (typeof NEW_OR_CONTINUING)[number];
export const NEW_OR_CONTINUING_LABELS: Record<NewOrContinuing, string> = { new: '신규', continuing: '계속' };
export const newOrContinuingSchema = enumSchema(NEW_OR_CONTINUING, NEW_OR_CONTINUING_LABELS);

/** 완료구분 / 완료시기. */
export const COMPLETION_TIMINGS = ['withinTerm', 'afterTerm'] as const;
export type CompletionTiming = (typeof COMPLETION_TIMINGS)[number];
export const COMPLETION_TIMING_LABELS: Record<CompletionTiming, string> = {
  withinTerm: '임기내',
  afterTerm: '임기후',
};
export const completionTimingSchema = enumSchema(COMPLETION_TIMINGS, COMPLETION_TIMING_LABELS);

/** 주체 (who carries the project out). */
export const EXECUTORS = ['national', 'city'] as const;
export type Executor = (typeof EXECUTORS)[number];
export const EXECUTOR_LABELS: Record<Executor, string> = { national: '국가', city: '서울시' };
export const executorSchema = enumSchema(EXECUTORS, EXECUTOR_LABELS);

/** Where a document is in its life: written by the department, sent to the office, accepted by the office. */
export const LIFECYCLES = ['draft', 'submitted', 'confirmed'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  draft: '작성중',
  submitted: '제출',
  confirmed: '확정',
};
export const lifecycleSchema = enumSchema(LIFECYCLES, LIFECYCLE_LABELS);

export const DOCUMENT_KINDS = ['executionPlan', 'managementCard', 'financeRow', 'changeRequest'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  executionPlan: '공약실천계획서',
  managementCard: '공약관리카드',
  financeRow: '재정집행 현황',
  changeRequest: '공약 조정 요청서',
};

export const SCHEMA_VERSION = 1 as const;
export const schemaVersionSchema = z.literal(SCHEMA_VERSION, {
  error: missingOr('지원하지 않는 문서 형식 버전입니다 (schemaVersion은 1이어야 합니다)'),
});

export const departmentSchema = textSchema(100);

/** 공약번호 / 관리번호: the catalog's 세부사업 number "분야-n-m" (same format as `domain/catalog`). */
export const projectIdSchema = z
  .string({ error: missingOr('글자로 입력해야 합니다') })
  .regex(/^\d+-\d+-\d+$/, '공약번호는 "1-1-1" 형식이어야 합니다');

/** A half-year id "2019-H1" (same format as `domain/term`); the term decides which ids exist. */
export const periodIdSchema = z
  .string({ error: missingOr('글자로 입력해야 합니다') })
  .regex(/^\d{4}-H[12]$/, '반기는 "2019-H1" 형식이어야 합니다');

/** Stable id of a 단위사업 inside its project ("u1"); it survives renames so cards can follow their plan. */
export const unitProjectIdSchema = z
  .string({ error: missingOr('글자로 입력해야 합니다') })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '단위사업 id는 영문·숫자·-·_ 1~40자여야 합니다');

/** The smallest "uN" not yet used, so new unit projects get short, stable ids. */
export function nextUnitProjectId(existing: readonly string[]): string {
  const taken = new Set(existing);
  let n = 1;
  while (taken.has(`u${n}`)) n += 1;
  return `u${n}`;
}
