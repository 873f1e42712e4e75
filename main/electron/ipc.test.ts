import { stubHandlers } from '../services/test-support/stub-handlers';
import { describe, expect, it } from 'vitest';
import type { Handlers, SetupState } from '../../domain/api/contract';
import { channelOf, operationNames } from '../../domain/api/operations';
import { registerIpcHandlers, UNTRUSTED_SENDER_RESULT, type IpcRegistrar } from './ipc';
import { APP_ORIGIN, isTrustedSender, type SenderFrame } from './security';

const setupState: SetupState = {
  configured: false,
  role: null,
  department: null,
  dataDir: '/d',
  defaultDataDir: '/d',
  startDataDir: null,
};

function recordingHandlers(calls: string[]): Handlers {
  return stubHandlers({
    getAppInfo: () => {
      calls.push('getAppInfo');
      return { version: '1.2.3', mode: 'electron', databasePath: '/d/pledge.sqlite', schemaVersion: 1 };
    },
    getSetup: () => {
      calls.push('getSetup');
      return setupState;
    },
    saveSetup: (input) => {
      calls.push('saveSetup');
      return {
        ...setupState,
        configured: true,
        role: input.role,
        department: input.department,
        dataDir: input.dataDir,
      };
    },
    getCatalog: () => {
      throw new Error('not used');
    },
    getTerm: () => {
      throw new Error('not used');
    },
  });
}

type Listener = (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>;

/** A fake shaped like Electron's ipcMain that keeps what our code registers. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipcMain: ipcMain as unknown as IpcRegistrar, handlers };
}

const trusted = (frame: SenderFrame | null) => isTrustedSender(frame, APP_ORIGIN);
const mainFrame: SenderFrame = { url: 'app://pledge/index.html', parent: null };

describe('registerIpcHandlers', () => {
  it('registers exactly one fixed channel per operation and removes them again', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const unregister = registerIpcHandlers(ipcMain, recordingHandlers([]), trusted);
    expect([...handlers.keys()].sort()).toEqual(operationNames.map((name) => `api:${name}`).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('runs the operation for the main frame of our page', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipcMain, recordingHandlers(calls), trusted);
    const result = await handlers.get(channelOf('saveSetup'))!(
      { senderFrame: mainFrame },
      { role: 'department', department: ' 교통정책과 ', dataDir: '/srv/d' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...setupState,
        configured: true,
        role: 'department',
        department: '교통정책과',
        dataDir: '/srv/d',
      },
    });
    expect(calls).toEqual(['saveSetup']);
  });

  it('refuses a sub-frame, a foreign page and a vanished frame without running the handler', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipcMain, recordingHandlers(calls), trusted);
    const senders: (SenderFrame | null)[] = [
      { url: 'app://pledge/index.html', parent: mainFrame },
      { url: 'https://example.com/', parent: null },
      null,
    ];
    for (const senderFrame of senders) {
      expect(await handlers.get(channelOf('getSetup'))!({ senderFrame })).toEqual(UNTRUSTED_SENDER_RESULT);
    }
    const throwing = {
      get senderFrame(): SenderFrame | null {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handlers.get(channelOf('getSetup'))!(throwing)).toEqual(UNTRUSTED_SENDER_RESULT);
    expect(UNTRUSTED_SENDER_RESULT.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('parses the input with the contract: an invalid one is INVALID_INPUT, extra arguments are ignored', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: string[] = [];
    registerIpcHandlers(ipcMain, recordingHandlers(calls), trusted);
    const invalid = (await handlers.get(channelOf('saveSetup'))!(
      { senderFrame: mainFrame },
      { role: 'x' },
    )) as {
      ok: boolean;
      error: { code: string };
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('INVALID_INPUT');
    const extra = await handlers.get(channelOf('getSetup'))!({ senderFrame: mainFrame }, undefined, {
      evil: true,
    });
    expect(extra).toEqual({ ok: true, value: setupState });
    expect(calls).toEqual(['getSetup']);
  });
});
