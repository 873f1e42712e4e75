import type { UnsavedInput, WindowBridge } from '../../../domain/api/window-bridge';
import type { SaveState } from './use-autosave';

declare global {
  interface Window {
    /** The desktop window's channel (Electron only; see domain/api/window-bridge.ts). */
    appWindow?: WindowBridge;
  }
}

/**
 * What an editor holds that is not stored, said before the person leaves it. Kept apart from React so the
 * questions and the state changes they depend on can be tested.
 */

/** The fields the last save refused (path → message): they hold what was typed, not what is stored. */
export function refusedFields(state: SaveState): [string, string][] {
  return state.kind === 'partial' || state.kind === 'invalid'
    ? Object.entries(state.refused).filter(([path]) => path !== '' && !path.startsWith('('))
    : [];
}

/**
 * The state an edit leads to. A failed save stays on show until a save succeeds: the next keystroke does not
 * turn "저장하지 못했습니다" into a plain pending change, so leaving and closing still ask, naming the failure.
 */
export function stateAfterEdit(state: SaveState): SaveState {
  return state.kind === 'error' || state.kind === 'dirty' ? state : { kind: 'dirty' };
}

/** The question before leaving the editor in this state, or null when everything typed is stored. */
export function leaveQuestion(state: SaveState): string | null {
  switch (state.kind) {
    case 'dirty':
    case 'saving':
      return '저장이 아직 끝나지 않았습니다. 지금 나가면 마지막으로 저장한 뒤 입력한 내용이 사라질 수 있습니다. 나갈까요?';
    case 'error':
      return `저장하지 못한 변경이 있습니다 (${state.message}). 지금 나가면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 나갈까요?`;
    case 'partial':
    case 'invalid': {
      const refused = refusedFields(state).length;
      if (state.kind === 'invalid')
        return refused === 0
          ? `입력 오류가 있어 저장하지 못했습니다 (${state.message}). 지금 나가면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 나갈까요?`
          : `입력 오류 ${refused}곳 때문에 아무것도 저장하지 못했습니다. 지금 나가면 마지막으로 저장한 뒤 입력한 내용은 모두 사라집니다. 나갈까요?`;
      return refused === 0
        ? null
        : `입력 오류 ${refused}곳은 저장되지 않았습니다. 지금 나가면 그 칸에 입력한 내용은 사라집니다. 나갈까요?`;
    }
    default:
      return null;
  }
}

/**
 * What the desktop window is told is not stored (for its question on closing), or null when everything typed is:
 * null exactly when leaveQuestion is.
 */
export function unsavedInputOf(state: SaveState): UnsavedInput | null {
  switch (state.kind) {
    case 'dirty':
    case 'saving':
      return { kind: 'pending' };
    case 'error':
      return { kind: 'failed', message: state.message };
    case 'invalid': {
      const refused = refusedFields(state).length;
      return {
        kind: 'failed',
        message:
          refused === 0 ? state.message : `입력 오류 ${refused}곳 때문에 아무것도 저장하지 못했습니다.`,
      };
    }
    case 'partial': {
      const refused = refusedFields(state).length;
      return refused === 0 ? null : { kind: 'refused', cells: refused };
    }
    default:
      return null;
  }
}
