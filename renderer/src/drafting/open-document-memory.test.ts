// The desk's open document is remembered per window (sessionStorage), per data folder and department. Node has no
// sessionStorage: a minimal Storage stands in for the browser's, with its behaviour (strings in, strings out).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRef } from '../../../domain/api/contract';
import { rememberDocument, rememberedDocument } from './open-document-memory';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const card: DocumentRef = { kind: 'managementCard', projectId: '1-1-1', slot: '2019-H1' };
const DIR = 'C:\\공약\\데이터';

describe('the desk’s open document, kept for a reload', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('comes back for the same folder and department, and is forgotten on the list', () => {
    expect(rememberedDocument(DIR, '경제진흥본부')).toBeNull();
    rememberDocument(DIR, '경제진흥본부', card);
    expect(rememberedDocument(DIR, '경제진흥본부')).toEqual(card);
    rememberDocument(DIR, '경제진흥본부', null);
    expect(rememberedDocument(DIR, '경제진흥본부')).toBeNull();
  });

  it('never opens another folder’s or department’s document', () => {
    rememberDocument(DIR, '경제진흥본부', card);
    expect(rememberedDocument('D:\\다른 폴더', '경제진흥본부')).toBeNull();
    expect(rememberedDocument(DIR, '문화본부')).toBeNull();
  });

  it('ignores what is no document reference', () => {
    for (const raw of ['{', '"text"', JSON.stringify({ ...card, extra: 1 }), JSON.stringify({ kind: 'x' })]) {
      sessionStorage.setItem(`pledge.open-document|${DIR}|경제진흥본부`, raw);
      expect(rememberedDocument(DIR, '경제진흥본부'), raw).toBeNull();
    }
  });

  it('leaves remembering out where the storage refuses, without failing', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    });
    expect(() => rememberDocument(DIR, '경제진흥본부', card)).not.toThrow();
    expect(rememberedDocument(DIR, '경제진흥본부')).toBeNull();
  });
});
