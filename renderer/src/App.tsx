import { useCallback, useEffect, useRef, useState } from 'react';
import type { SetupState, StartupProblem } from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import { executorLabelsFor } from '../../domain/catalog/city-label';
import type { Executor } from '../../domain/documents/common';
import { ExecutorLabelsContext } from './components/executor-labels';
import { api } from './api/client';
import { useLoad } from './api/use-load';
import { leaveThen } from './components/leave-guard';
import { StatusMessage } from './components/StatusMessage';
import { useFocusKeeper } from './components/use-focus-keeper';
import { DraftingScreen } from './drafting/DraftingScreen';
import { OfficeReportScreen } from './office/OfficeReportScreen';
import { OpenProjectContext } from './components/ProjectLink';
import { CatalogScreen } from './screens/CatalogScreen';
import { GuideScreen } from './screens/GuideScreen';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { SubmissionScreen } from './submission/SubmissionScreen';
import { SetupScreen } from './screens/SetupScreen';

type View = 'catalog' | 'drafting' | 'submission' | 'report' | 'guide' | 'setup';

const views: { id: Exclude<View, 'setup'>; label: string; role: 'department' | 'office' | 'any' }[] = [
  { id: 'drafting', label: '문서 작성', role: 'department' },
  { id: 'submission', label: '제출 파일', role: 'department' },
  { id: 'submission', label: '제출 파일 받기', role: 'office' },
  { id: 'report', label: '종합 현황', role: 'office' },
  { id: 'catalog', label: '공약 목록', role: 'any' },
  { id: 'guide', label: '사용 안내', role: 'any' },
];

type MenuItem = (typeof views)[number];
const menuFor = (role: SetupState['role']): MenuItem[] =>
  views.filter((v) => v.role === 'any' || v.role === role);

/** Into the screen: its first control, or the screen itself when it has none (F6, 본문 바로가기). */
function focusMainContent(main: HTMLElement | null): void {
  const first = main?.querySelector<HTMLElement>(
    'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex="0"]',
  );
  (first ?? main)?.focus();
}

/**
 * The menu from the keyboard wherever the focus is (a screen puts it in its own first field): Alt+1… opens the
 * n-th menu item, F6 moves from the menu to the screen, on to a side panel the screen marks as a stop
 * (`data-f6-stop`: the editors' 제출 전 확인) and back to the menu (Shift+F6 the other way), F1 opens 사용 안내, as
 * in other desktop programs.
 */
function useMenuKeys(
  menu: MenuItem[],
  navRef: React.RefObject<HTMLElement | null>,
  mainRef: React.RefObject<HTMLElement | null>,
  open: (id: MenuItem['id']) => void,
): void {
  const latest = useRef({ menu, open });
  latest.current = { menu, open };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const nav = navRef.current;
      if (nav === null || e.defaultPrevented) return;
      const items = [...nav.querySelectorAll<HTMLButtonElement>('button.nav-item')];
      if (e.key === 'F6' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        const panels = [...(mainRef.current?.querySelectorAll<HTMLElement>('[data-f6-stop]') ?? [])];
        const stops: (() => void)[] = [
          () => (items.find((b) => b.getAttribute('aria-current') === 'page') ?? items[0])?.focus(),
          () => focusMainContent(mainRef.current),
          ...panels.map((panel) => () => {
            // A folded panel hides its list: its first control (펼치기) instead.
            const first = panel.querySelector<HTMLElement>('[data-f6-first]');
            if (first !== null && first.offsetParent !== null) first.focus();
            else focusMainContent(panel);
          }),
        ];
        const active = document.activeElement;
        // Where the focus is: a panel (inside the screen) before the screen, the screen before the menu.
        const panelAt = panels.findIndex((panel) => panel.contains(active));
        const at = nav.contains(active)
          ? 0
          : panelAt >= 0
            ? 2 + panelAt
            : mainRef.current?.contains(active)
              ? 1
              : -1;
        const next = at < 0 ? 0 : (at + (e.shiftKey ? stops.length - 1 : 1)) % stops.length;
        stops[next]?.();
        return;
      }
      let index: number;
      if (e.key === 'F1' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        index = latest.current.menu.findIndex((item) => item.id === 'guide');
      } else {
        if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        const n = /^Digit([1-9])$/.exec(e.code)?.[1];
        if (n === undefined) return;
        index = Number(n) - 1;
      }
      const item = latest.current.menu[index];
      if (item === undefined) return;
      e.preventDefault();
      latest.current.open(item.id);
      items[index]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navRef, mainRef]);
}

/** What the app opens on: its data, or the recovery screen when main could not read the data file. */
type Loaded =
  | { kind: 'data'; setup: SetupState; catalog: Catalog; executorLabels: Record<Executor, string> }
  | { kind: 'recovery'; problem: StartupProblem };

export function App() {
  const [state, reload] = useLoad(async (): Promise<Loaded> => {
    const problem = await api.getStartupProblem();
    if (problem !== null) return { kind: 'recovery', problem };
    const catalog = await api.getCatalog();
    return {
      kind: 'data',
      setup: await api.getSetup(),
      catalog,
      executorLabels: executorLabelsFor(catalog.city),
    };
  }, []);
  // Set when 저장하고 시작 changed the setup (or the data folder): the screens wait for the setup read again, so
  // that none is shown, and no 설정 변경 opened, with the one from before (a restored folder's path, say).
  const [settingUp, setSettingUp] = useState(false);
  useEffect(() => setSettingUp(false), [state]);
  // Null until a choice: the role's own first screen (Alt+1) when the program opens on its stored setup.
  const [chosen, setViewOnly] = useState<View | null>(null);
  // Each choice in the top menu, also of the screen already shown (문서 작성 while a document is open: its list).
  const [visit, setVisit] = useState(0);
  // The project 공약 목록 sent the person to 문서 작성 with (cleared by any menu choice).
  const [focusProjectId, setFocusProjectId] = useState<string | undefined>(undefined);
  const setView = (next: View) => {
    setViewOnly(next);
    setVisit((n) => n + 1);
    setFocusProjectId(undefined);
  };
  // From a 관리번호 in 종합 현황: that project in 공약 목록, where the office reads its 받은 문서.
  const openProject = useCallback((projectId: string) => {
    leaveThen(() => {
      setView('catalog');
      setFocusProjectId(projectId);
    });
  }, []);
  useFocusKeeper();
  const navRef = useRef<HTMLElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const loaded = state.status === 'ready' && state.value.kind === 'data' ? state.value.setup : null;
  const menu = loaded?.configured ? menuFor(loaded.role) : [];
  // A department opens on 문서 작성 and the office on 제출 파일 받기, where the day's work is; right after the first
  // setup the program shows 공약 목록 with its start hints (onSaved below).
  const view: View = chosen ?? menu[0]?.id ?? 'catalog';
  useMenuKeys(menu, navRef, mainRef, (id) => {
    leaveThen(() => setView(id));
  });

  if (state.status === 'loading') return <StatusMessage kind="info">불러오는 중…</StatusMessage>;
  if (settingUp) return <StatusMessage kind="info">설정을 적용하는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  if (state.value.kind === 'recovery') {
    return (
      <RecoveryScreen
        problem={state.value.problem}
        onRecovered={() => {
          setView('catalog');
          reload();
        }}
      />
    );
  }
  const { catalog, executorLabels } = state.value;
  const setup = state.value.setup;

  if (!setup.configured || view === 'setup') {
    return (
      <SetupScreen
        setup={setup}
        catalog={catalog}
        onSaved={() => {
          setSettingUp(true);
          setView('catalog');
          reload();
        }}
        onCancel={setup.configured ? () => setView('catalog') : undefined}
      />
    );
  }

  const who = setup.role === 'office' ? '기획담당관 (총괄부서)' : (setup.department ?? '');
  return (
    <div className="app">
      {/* 반복 영역 건너뛰기 (KWCAG): the first stop of Tab, shown only while it has the focus. */}
      <a
        className="skip-link"
        href="#app-main"
        onClick={(e) => {
          e.preventDefault();
          focusMainContent(mainRef.current);
        }}
      >
        본문 바로가기
      </a>
      <header className="app-header">
        <h1>공약이행 관리</h1>
        <nav aria-label="주 메뉴" ref={navRef}>
          {menu.map((v, i) => (
            <button
              key={`${v.id}-${v.role}`}
              type="button"
              className="nav-item"
              aria-current={view === v.id ? 'page' : undefined}
              aria-keyshortcuts={v.id === 'guide' ? `F1 Alt+${i + 1}` : `Alt+${i + 1}`}
              title={`${v.id === 'guide' ? 'F1 · ' : ''}Alt+${i + 1} · F6: 메뉴, 본문, 제출 전 확인 사이 이동`}
              onClick={() => {
                leaveThen(() => setView(v.id));
              }}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <div className="who">
          <span data-testid="current-role">{who}</span>
          <button
            type="button"
            className="link"
            onClick={() => {
              leaveThen(() => setView('setup'));
            }}
          >
            설정 변경
          </button>
        </div>
      </header>
      <main className="app-main" id="app-main" ref={mainRef} tabIndex={-1}>
        <ExecutorLabelsContext.Provider value={executorLabels}>
          {view === 'drafting' && setup.role === 'department' ? (
            <DraftingScreen catalog={catalog} setup={setup} visit={visit} focusProjectId={focusProjectId} />
          ) : view === 'submission' ? (
            <SubmissionScreen setup={setup} onReferenceChanged={reload} />
          ) : view === 'guide' ? (
            <GuideScreen
              setup={setup}
              menu={{ all: menu.map((v, i) => ({ id: v.id, label: v.label, shortcut: `Alt+${i + 1}` })) }}
            />
          ) : view === 'report' && setup.role === 'office' ? (
            <OpenProjectContext.Provider value={openProject}>
              <OfficeReportScreen catalog={catalog} />
            </OpenProjectContext.Provider>
          ) : (
            <CatalogScreen
              catalog={catalog}
              setup={setup}
              initialProjectId={view === 'catalog' ? focusProjectId : undefined}
              onOpenDocuments={(projectId) => {
                setView('drafting');
                setFocusProjectId(projectId);
              }}
              onCatalogChanged={reload}
              onGo={setView}
            />
          )}
        </ExecutorLabelsContext.Provider>
      </main>
    </div>
  );
}
