import { describe, expect, it } from 'vitest';
import planJson from '../../../docs/examples/execution-plan.json';
import { documentSchema } from '../../../domain/documents';
import { valueAt } from './partial-save';
import { attemptSave } from './save-attempt';

/** Shaped like the client's ApiCallError: a code and per-field details. */
class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

const DISK_FULL =
  '디스크 공간이 부족해 데이터를 저장하지 못했습니다. 데이터 폴더가 있는 디스크의 공간을 비운 뒤 다시 시도하세요.';
const CONFLICT = '다른 창에서 먼저 저장한 내용이 있습니다.';

/**
 * The server's side of a save: a draft its schema refuses is refused field by field (DOCUMENT_INVALID, as
 * saveDraft does); `failFrom` makes every call from that one on fail with `failure` (a disk that filled up).
 */
function server(failFrom = Infinity, failure = new ServerError('DISK_FULL', DISK_FULL)) {
  const stored: unknown[] = [];
  let calls = 0;
  const store = (json: unknown): Promise<void> => {
    calls += 1;
    if (calls >= failFrom) return Promise.reject(failure);
    const parsed = documentSchema.safeParse(json);
    if (!parsed.success)
      return Promise.reject(
        new ServerError(
          'DOCUMENT_INVALID',
          '입력 오류가 있어 저장하지 않았습니다.',
          Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])),
        ),
      );
    stored.push(json);
    return Promise.resolve();
  };
  return { store, stored, calls: () => calls };
}

const saved = structuredClone(planJson);
function typedWithMinus() {
  const typed = structuredClone(planJson) as typeof planJson & Record<string, unknown>;
  typed.policyGoal = '○ 고친 목표';
  (typed.unitProjects[0]!.investmentNeeds.city as Record<string, unknown>)['2020'] = '-20';
  return typed;
}
const minusPath = 'unitProjects.0.investmentNeeds.city.2020';

describe('attemptSave', () => {
  it('stores valid values in one call', async () => {
    const s = server();
    await expect(attemptSave(s.store, structuredClone(planJson), () => saved)).resolves.toEqual({
      kind: 'saved',
    });
    expect(s.calls()).toBe(1);
  });

  it('stores the rest without a refused cell, which is reported', async () => {
    const s = server();
    const outcome = await attemptSave(s.store, typedWithMinus(), () => saved);
    expect(outcome.kind).toBe('partial');
    expect(outcome.kind === 'partial' && Object.keys(outcome.refused)).toEqual([minusPath]);
    expect(valueAt(s.stored[0], 'policyGoal')).toBe('○ 고친 목표');
    expect(valueAt(s.stored[0], minusPath)).toBe(valueAt(saved, minusPath));
  });

  it('a full disk while storing the rest is a failure to retry, with its message, not a refused cell', async () => {
    const s = server(2);
    const outcome = await attemptSave(s.store, typedWithMinus(), () => saved);
    expect(outcome).toEqual({
      kind: 'failed',
      message: DISK_FULL,
      code: 'DISK_FULL',
      refused: { [minusPath]: expect.any(String) as string },
    });
    expect(s.stored).toEqual([]);
  });

  it("another window's save met while storing the rest keeps its code (the reload is offered on it)", async () => {
    const s = server(2, new ServerError('VERSION_CONFLICT', CONFLICT));
    const outcome = await attemptSave(s.store, typedWithMinus(), () => saved);
    expect(outcome.kind === 'failed' && [outcome.code, outcome.message]).toEqual([
      'VERSION_CONFLICT',
      CONFLICT,
    ]);
  });

  it('no connection at all (a plain Error, no code) is a failure too', async () => {
    const s = server(1, new Error('Failed to fetch') as ServerError);
    await expect(attemptSave(s.store, structuredClone(planJson), () => saved)).resolves.toEqual({
      kind: 'failed',
      message: 'Failed to fetch',
    });
  });

  it('the rest refused as well (nothing valid without the cell) is the input refused: nothing stored', async () => {
    const typed = { ...structuredClone(planJson), kind: 'nothing' };
    const s = server();
    const outcome = await attemptSave(s.store, typed, () => ({ kind: 'nothing' }));
    expect(outcome.kind).toBe('invalid');
    expect(s.stored).toEqual([]);
  });
});
