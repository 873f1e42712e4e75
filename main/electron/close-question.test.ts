import { describe, expect, it } from 'vitest';
import { UNSAVED_INPUT_CHANNEL } from '../../domain/api/window-bridge';
import {
  closeQuestion,
  parseUnsavedInput,
  trackUnsavedInput,
  type UnsavedInputRegistrar,
} from './close-question';
import { APP_ORIGIN, isTrustedSender, type SenderFrame } from './security';

const DISK_FULL =
  '디스크 공간이 부족해 데이터를 저장하지 못했습니다. 데이터 폴더가 있는 디스크의 공간을 비운 뒤 다시 시도하세요.';

describe('closeQuestion', () => {
  it('names a failed save by its reason, not as refused cells', () => {
    const options = closeQuestion({ kind: 'failed', message: DISK_FULL });
    expect(options.detail).toBe(
      `저장하지 못했습니다: ${DISK_FULL}\n지금 닫으면 마지막으로 저장한 뒤 입력한 내용은 사라집니다. 닫을까요?`,
    );
    expect(options.detail).not.toContain('입력 오류');
  });

  it('counts refused cells, and says a save under way may not be stored', () => {
    expect(closeQuestion({ kind: 'refused', cells: 2 }).detail).toBe(
      '입력 오류가 있는 칸 2곳은 저장되지 않았습니다. 지금 닫으면 그 칸에 입력한 내용은 사라집니다. 닫을까요?',
    );
    expect(closeQuestion({ kind: 'pending' }).detail).toMatch(
      /^저장이 아직 끝나지 않았습니다\..*닫을까요\?$/,
    );
  });

  it('without a report still asks, in general words', () => {
    expect(closeQuestion(null).detail).toBe(
      '저장되지 않은 입력이 있습니다. 지금 닫으면 입력한 내용이 사라질 수 있습니다. 닫을까요?',
    );
  });

  it('closes only on the first button; Enter and Esc stay', () => {
    for (const unsaved of [null, { kind: 'pending' } as const]) {
      const options = closeQuestion(unsaved);
      expect(options.buttons).toEqual(['닫기', '머물기']);
      expect(options).toMatchObject({ type: 'warning', defaultId: 1, cancelId: 1, noLink: true });
    }
  });
});

describe('parseUnsavedInput', () => {
  it('takes the three reports and null', () => {
    expect(parseUnsavedInput({ kind: 'pending' })).toEqual({ kind: 'pending' });
    expect(parseUnsavedInput({ kind: 'failed', message: DISK_FULL })).toEqual({
      kind: 'failed',
      message: DISK_FULL,
    });
    expect(parseUnsavedInput({ kind: 'refused', cells: 3 })).toEqual({ kind: 'refused', cells: 3 });
    expect(parseUnsavedInput(null)).toBeNull();
  });

  it('drops anything else, extra keys included, rather than show it', () => {
    expect(parseUnsavedInput({ kind: 'refused', cells: -1 })).toBeNull();
    expect(parseUnsavedInput({ kind: 'refused', cells: 1.5 })).toBeNull();
    expect(parseUnsavedInput({ kind: 'failed', message: 'x'.repeat(1_001) })).toBeNull();
    expect(parseUnsavedInput({ kind: 'failed', message: '' })).toBeNull();
    expect(parseUnsavedInput({ kind: 'other' })).toBeNull();
    expect(parseUnsavedInput('저장 안 됨')).toBeNull();
    expect(parseUnsavedInput({ kind: 'pending', detail: '가짜 문구' })).toEqual({ kind: 'pending' });
  });
});

type Listener = Parameters<UnsavedInputRegistrar['on']>[1];

/** Shaped like Electron's ipcMain for one-way messages; keeps what our code registers. */
function fakeIpcMain() {
  const listeners = new Map<string, Set<Listener>>();
  const ipcMain: UnsavedInputRegistrar = {
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const send = (sender: unknown, senderFrame: SenderFrame | null, input: unknown) => {
    for (const listener of listeners.get(UNSAVED_INPUT_CHANNEL) ?? [])
      listener({ sender: sender as never, senderFrame }, input);
  };
  return { ipcMain, send, count: () => listeners.get(UNSAVED_INPUT_CHANNEL)?.size ?? 0 };
}

describe('trackUnsavedInput', () => {
  const ourPage: SenderFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };
  const ourContents = { id: 1 };

  it("keeps the last report of our window's page (the shipped sender check)", () => {
    const fake = fakeIpcMain();
    const tracked = trackUnsavedInput(fake.ipcMain, ourContents, (frame) => isTrustedSender(frame));
    expect(tracked.current()).toBeNull();
    fake.send(ourContents, ourPage, { kind: 'failed', message: DISK_FULL });
    expect(closeQuestion(tracked.current()).detail).toContain(DISK_FULL);
    fake.send(ourContents, ourPage, null);
    expect(tracked.current()).toBeNull();
  });

  it('does not listen to another window, a sub-frame, another origin or a destroyed frame', () => {
    const fake = fakeIpcMain();
    const tracked = trackUnsavedInput(fake.ipcMain, ourContents, (frame) => isTrustedSender(frame));
    fake.send(ourContents, ourPage, { kind: 'pending' });
    const report = { kind: 'refused', cells: 9 };
    fake.send({ id: 2 }, ourPage, report);
    fake.send(ourContents, { url: `${APP_ORIGIN}/index.html`, parent: {} }, report);
    fake.send(ourContents, { url: 'https://example.com/', parent: null }, report);
    fake.send(ourContents, null, report);
    expect(tracked.current()).toEqual({ kind: 'pending' });
  });

  it('stops listening when disposed (the window closed)', () => {
    const fake = fakeIpcMain();
    const tracked = trackUnsavedInput(fake.ipcMain, ourContents, (frame) => isTrustedSender(frame));
    expect(fake.count()).toBe(1);
    tracked.dispose();
    expect(fake.count()).toBe(0);
  });
});
