import { describe, expect, it } from 'vitest';
import { leaveQuestion, refusedFields, stateAfterEdit, unsavedInputOf } from './unsaved';
import type { SaveState } from './use-autosave';

const DISK_FULL = '디스크 공간이 부족해 데이터를 저장하지 못했습니다.';
const failed: SaveState = { kind: 'error', message: DISK_FULL, code: 'DISK_FULL' };
const minus = { 'unitProjects.0.investmentNeeds.city.2020': '금액은 0 이상의 숫자여야 합니다 (백만원)' };

describe('stateAfterEdit', () => {
  it('keeps a failed save on show when more is typed: only a save that succeeds clears it', () => {
    expect(stateAfterEdit(failed)).toBe(failed);
    expect(leaveQuestion(stateAfterEdit(failed))).toContain(DISK_FULL);
  });

  it('makes any other state a pending change', () => {
    const others: SaveState[] = [
      { kind: 'clean' },
      { kind: 'saving' },
      { kind: 'saved', at: '10:00:00' },
      { kind: 'partial', at: '10:00:00', refused: minus },
      { kind: 'invalid', message: '입력 오류', refused: minus },
    ];
    for (const state of others) expect(stateAfterEdit(state)).toEqual({ kind: 'dirty' });
  });
});

describe('leaveQuestion', () => {
  it('asks nothing when everything typed is stored', () => {
    expect(leaveQuestion({ kind: 'clean' })).toBeNull();
    expect(leaveQuestion({ kind: 'saved', at: '10:00:00' })).toBeNull();
    // A refusal of the document as a whole has no cell on screen: it is not counted as one.
    expect(leaveQuestion({ kind: 'partial', at: '10:00:00', refused: { '(문서)': '형식' } })).toBeNull();
  });

  it('asks while a save waits or runs (leaving normally waits for it first)', () => {
    expect(leaveQuestion({ kind: 'dirty' })).toMatch(/^저장이 아직 끝나지 않았습니다.*나갈까요\?$/);
    expect(leaveQuestion({ kind: 'saving' })).toBe(leaveQuestion({ kind: 'dirty' }));
  });

  it('names the failure of a save that stored nothing', () => {
    expect(leaveQuestion(failed)).toBe(
      `저장하지 못한 변경이 있습니다 (${DISK_FULL}). 지금 나가면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 나갈까요?`,
    );
  });

  it('counts refused cells when the rest was stored', () => {
    expect(leaveQuestion({ kind: 'partial', at: '10:00:00', refused: minus })).toBe(
      '입력 오류 1곳은 저장되지 않았습니다. 지금 나가면 그 칸에 입력한 내용은 사라집니다. 나갈까요?',
    );
  });

  it('says that nothing was stored when the input held back the whole save', () => {
    expect(leaveQuestion({ kind: 'invalid', message: '입력 오류', refused: minus })).toMatch(
      /^입력 오류 1곳 때문에 아무것도 저장하지 못했습니다.*모두 사라집니다/,
    );
    expect(
      leaveQuestion({ kind: 'invalid', message: '문서 형식이 올바르지 않습니다', refused: { '': '형식' } }),
    ).toMatch(/^입력 오류가 있어 저장하지 못했습니다 \(문서 형식이 올바르지 않습니다\)/);
  });
});

describe('refusedFields', () => {
  it('lists the refused cells of a partial or refused save, not a refusal of the whole document', () => {
    expect(
      refusedFields({ kind: 'partial', at: '10:00:00', refused: { ...minus, '': 'x', '(문서)': 'y' } }),
    ).toEqual(Object.entries(minus));
    expect(refusedFields(failed)).toEqual([]);
  });
});

describe('unsavedInputOf', () => {
  it('tells the desktop window the cause: a failure by its message, refused cells by their count', () => {
    expect(unsavedInputOf(failed)).toEqual({ kind: 'failed', message: DISK_FULL });
    expect(unsavedInputOf(stateAfterEdit(failed))).toEqual({ kind: 'failed', message: DISK_FULL });
    expect(unsavedInputOf({ kind: 'partial', at: '10:00:00', refused: minus })).toEqual({
      kind: 'refused',
      cells: 1,
    });
    expect(unsavedInputOf({ kind: 'dirty' })).toEqual({ kind: 'pending' });
    expect(unsavedInputOf({ kind: 'saving' })).toEqual({ kind: 'pending' });
    expect(unsavedInputOf({ kind: 'invalid', message: '입력 오류', refused: minus })).toEqual({
      kind: 'failed',
      message: '입력 오류 1곳 때문에 아무것도 저장하지 못했습니다.',
    });
  });

  it('reports something exactly when leaving would ask', () => {
    const states: SaveState[] = [
      { kind: 'clean' },
      { kind: 'dirty' },
      { kind: 'saving' },
      { kind: 'saved', at: '10:00:00' },
      { kind: 'partial', at: '10:00:00', refused: minus },
      { kind: 'partial', at: '10:00:00', refused: { '(문서)': '형식' } },
      { kind: 'invalid', message: '입력 오류', refused: minus },
      { kind: 'invalid', message: '형식', refused: { '': '형식' } },
      failed,
    ];
    for (const state of states) expect(unsavedInputOf(state) === null).toBe(leaveQuestion(state) === null);
  });
});
