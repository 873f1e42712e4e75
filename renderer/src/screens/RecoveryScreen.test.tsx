// The recovery screen as rendered: a data file missing or empty beside the program's files has its own screen —
// what was found, 백업에서 복원 into that folder first, 새로 시작 last and only with its warning confirmed — while
// an unreadable file keeps the screen it had.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { StartupProblem } from '../../../domain/api/contract';
import { RecoveryScreen } from './RecoveryScreen';

// Rendering calls nothing in main: the API client (which looks for the Electron bridge or the page's token when it
// loads) is left out.
vi.mock('../api/client', () => ({ api: {}, ApiCallError: class extends Error {} }));

const problem = (kind: StartupProblem['kind']): StartupProblem => ({
  code: 'DATA_DIR_UNREADABLE',
  kind,
  found:
    kind === 'unreadable'
      ? []
      : [
          'keys/ — 서명 키 파일 1개: 3f2a9c0d1e2b4a5c.key',
          'outbox/ — 만든 제출·기준 자료 파일 1개: 공약제출_소방재난본부_2019-H1_r1.pledge',
        ],
  message: '…',
  databasePath: '/home/a/data/pledge.sqlite',
  dataDir: '/home/a/data',
  suggestedDataDir: '/home/a/data-새로-20261203',
  remembered: false,
  checkedAt: '2026-12-03T01:00:00.000Z',
});

const render = (kind: StartupProblem['kind']) =>
  renderToStaticMarkup(<RecoveryScreen problem={problem(kind)} onRecovered={() => {}} />).replace(
    /<!-- -->/g,
    '',
  );

/** The tag of the input with this id. */
const input = (html: string, id: string) => new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

/** The text of the page, tags left out. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('RecoveryScreen for a lost data file', () => {
  it('says the file is empty, names what the folder holds, and that nothing was written', () => {
    const html = render('empty');
    expect(html).toContain('<h1>공약이행 관리 — 데이터 파일이 비어 있습니다</h1>');
    expect(html).toContain('<code data-testid="lost-data-file">/home/a/data/pledge.sqlite</code>');
    expect(html).toContain(
      '<ul data-testid="lost-found"><li>keys/ — 서명 키 파일 1개: 3f2a9c0d1e2b4a5c.key</li>' +
        '<li>outbox/ — 만든 제출·기준 자료 파일 1개: 공약제출_소방재난본부_2019-H1_r1.pledge</li></ul>',
    );
    expect(text(html)).toContain('지금까지 작성하고 보낸 문서는 돌아오지 않습니다');
    expect(text(html)).toContain('이 폴더에 아무것도 만들거나 바꾸지 않았습니다');
    expect(html).not.toContain('unreadable-path');
  });

  it('offers 백업에서 복원 into this folder first, then 다시 시도, then 새로 시작 in a new folder, unconfirmed', () => {
    const html = render('missing');
    expect(html).toContain('<h1>공약이행 관리 — 데이터 파일이 없습니다</h1>');
    expect([...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      '백업에서 복원',
      '다시 시도',
      '새로 시작',
    ]);
    // The backup file has the keyboard; the restore goes into this folder unless another is typed.
    expect(input(html, 'recovery-backup-file')).toContain('autofocus=""');
    expect(input(html, 'recovery-backup-file')).toContain('value=""');
    expect(input(html, 'recovery-restore-dir')).toContain('value="/home/a/data"');
    expect(input(html, 'recovery-anew-dir')).toContain('value="/home/a/data-새로-20261203"');
    expect(input(html, 'recovery-anew-confirm')).toContain('type="checkbox"');
    expect(input(html, 'recovery-anew-confirm')).not.toContain('checked');
    expect(text(html)).toContain('지금까지의 문서가 돌아오지 않는다는 것을 알고 새로 시작합니다');
    expect(html).toContain('>새 폴더에서 새로 시작</button>');
    expect(html).toContain('>백업에서 복원</button>');
  });
});

describe('RecoveryScreen for an unreadable file', () => {
  it('keeps its title, the file named and 새 데이터 폴더로 시작', () => {
    const html = render('unreadable');
    expect(html).toContain('<h1>공약이행 관리 — 데이터 파일을 열 수 없습니다</h1>');
    expect(html).toContain('<code data-testid="unreadable-path">/home/a/data/pledge.sqlite</code>');
    expect(html).toContain('>새 데이터 폴더로 시작</button>');
    expect(html).not.toContain('lost-found');
  });
});
