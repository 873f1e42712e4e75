// The save-status line after a save met another window's: said in words, never in version numbers.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { SaveIndicator } from './EditorFrame';

vi.mock('../api/client', () => ({ api: {} }));

const text = (state: Parameters<typeof SaveIndicator>[0]['state']) =>
  renderToStaticMarkup(<SaveIndicator state={state} status="draft" />).replace(/<[^>]+>/g, '');

describe('SaveIndicator', () => {
  it('says a save was merged with another window’s, or that window’s save was loaded', () => {
    expect(text({ kind: 'saved', at: '10:15:02', via: 'merged' })).toBe(
      '다른 창에서 저장한 내용과 합쳐 저장했습니다 10:15:02',
    );
    expect(text({ kind: 'saved', at: '10:16:40', via: 'loaded' })).toBe(
      '다른 창에서 저장한 내용을 불러왔습니다 10:16:40',
    );
    expect(text({ kind: 'saved', at: '10:17:00' })).toBe('저장됨 10:17:00');
  });
});
