import { z } from 'zod';
import type { Catalog } from '../catalog/types';
import type { Term } from '../term/types';

/**
 * The one contract between the renderer and main: operation name → input schema → output type.
 * Main parses every input with these schemas (inputs arrive as `unknown`); handlers are typed from this map
 * and do not know whether they are called over IPC, over the browser-mode HTTP bridge, or from the CLI.
 */

/** Declares an operation's output type without a runtime schema (outputs are produced by trusted code). */
const returns = <T>() => undefined as unknown as T;
const op = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output });

export const roleSchema = z.enum(['department', 'office']);
export type Role = z.infer<typeof roleSchema>;

/** The first-run choice: who uses this copy and where its data lives. */
export interface SetupState {
  configured: boolean;
  role: Role | null;
  /** The department (주관부서) this copy writes for; null for the planning office. */
  department: string | null;
  dataDir: string;
  defaultDataDir: string;
}

export interface AppInfo {
  version: string;
  /** 'electron' or 'browser': where the renderer runs. */
  mode: 'electron' | 'browser';
  databasePath: string;
  schemaVersion: number;
}

export const setupInputSchema = z.strictObject({
  role: roleSchema,
  department: z.string().trim().min(1).nullable(),
  dataDir: z.string().trim().min(1, '데이터 폴더를 입력하세요.'),
});
export type SetupInput = z.infer<typeof setupInputSchema>;

const empty = z.strictObject({}).optional();

export const contract = {
  getAppInfo: op(empty, returns<AppInfo>()),
  getSetup: op(empty, returns<SetupState>()),
  saveSetup: op(setupInputSchema, returns<SetupState>()),
  getCatalog: op(empty, returns<Catalog>()),
  getTerm: op(empty, returns<Term>()),
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OperationOutput<K extends OperationName> = Contract[K]['output'];

/** What the renderer calls: `window.api.getCatalog()`. */
export type AppApi = {
  [K in OperationName]: (input?: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** What main implements. */
export type Handlers = {
  [K in OperationName]: (input: ParsedInput<K>) => OperationOutput<K> | Promise<OperationOutput<K>>;
};

/** A failure the user can act on: a code for programs and a Korean message for people. */
export interface ApiError {
  code: string;
  message: string;
  /** Per-field or per-item messages, e.g. { "finance.0.amount": "음수는 입력할 수 없습니다." }. */
  details?: Record<string, string> | undefined;
}
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
