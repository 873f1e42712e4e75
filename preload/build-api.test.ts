import { describe, expect, it } from 'vitest';
import { operationNames } from '../domain/api/operations';
import { buildPreloadApi, buildWindowBridge } from './build-api';

describe('buildPreloadApi', () => {
  it('exposes one function per operation and nothing else', () => {
    const api = buildPreloadApi(() => Promise.resolve(undefined));
    expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each operation on its own fixed channel with exactly one argument', async () => {
    const sent: unknown[][] = [];
    const api = buildPreloadApi((...args) => {
      sent.push(args);
      return Promise.resolve({ ok: true, value: args[0] });
    });
    const input = { role: 'office', department: null, dataDir: '/d' };
    const call = api.saveSetup as (...args: unknown[]) => Promise<unknown>;
    await expect(call(input, 'api:getSetup', 'extra')).resolves.toEqual({ ok: true, value: 'api:saveSetup' });
    await api.getCatalog();
    expect(sent).toEqual([
      ['api:saveSetup', input],
      ['api:getCatalog', undefined],
    ]);
  });

  it('hands the envelope back unchanged, failures included', async () => {
    const refused = { ok: false, error: { code: 'UNTRUSTED_SENDER', message: '거부' } };
    const api = buildPreloadApi(() => Promise.resolve(refused));
    await expect(api.getSetup()).resolves.toBe(refused);
  });
});

describe('buildWindowBridge', () => {
  it('offers only reportUnsavedInput, on its fixed channel with exactly one argument', () => {
    const sent: unknown[][] = [];
    const bridge = buildWindowBridge((...args) => sent.push(args));
    expect(Object.keys(bridge)).toEqual(['reportUnsavedInput']);
    expect(Object.isFrozen(bridge)).toBe(true);
    const report = bridge.reportUnsavedInput as (...args: unknown[]) => void;
    report({ kind: 'pending' }, 'api:saveDraft');
    bridge.reportUnsavedInput(null);
    expect(sent).toEqual([
      ['window:unsavedInput', { kind: 'pending' }],
      ['window:unsavedInput', null],
    ]);
  });
});
