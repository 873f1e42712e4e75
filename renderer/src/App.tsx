import { useState } from 'react';
import type { SetupState } from '../../domain/api/contract';
import type { Catalog } from '../../domain/catalog/types';
import { api } from './api/client';
import { useLoad } from './api/use-load';
import { mayLeave } from './components/leave-guard';
import { StatusMessage } from './components/StatusMessage';
import { useFocusKeeper } from './components/use-focus-keeper';
import { DraftingScreen } from './drafting/DraftingScreen';
import { OfficeReportScreen } from './office/OfficeReportScreen';
import { CatalogScreen } from './screens/CatalogScreen';
import { SubmissionScreen } from './submission/SubmissionScreen';
import { SetupScreen } from './screens/SetupScreen';

type View = 'catalog' | 'drafting' | 'submission' | 'report' | 'setup';

const views: { id: Exclude<View, 'setup'>; label: string; role: 'department' | 'office' | 'any' }[] = [
  { id: 'drafting', label: '문서 작성', role: 'department' },
  { id: 'submission', label: '제출 파일', role: 'department' },
  { id: 'submission', label: '제출 파일 받기', role: 'office' },
  { id: 'report', label: '종합 현황', role: 'office' },
  { id: 'catalog', label: '공약 목록', role: 'any' },
];

export function App() {
  const [state, reload] = useLoad(
    async (): Promise<{ setup: SetupState; catalog: Catalog }> => ({
      setup: await api.getSetup(),
      catalog: await api.getCatalog(),
    }),
    [],
  );
  const [view, setView] = useState<View>('catalog');
  useFocusKeeper();

  if (state.status === 'loading') return <StatusMessage kind="info">불러오는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const { setup, catalog } = state.value;

  if (!setup.configured || view === 'setup') {
    return (
      <SetupScreen
        setup={setup}
        catalog={catalog}
        onSaved={() => {
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
      <header className="app-header">
        <h1>공약이행 관리</h1>
        <nav aria-label="주 메뉴">
          {views
            .filter((v) => v.role === 'any' || v.role === setup.role)
            .map((v) => (
              <button
                key={`${v.id}-${v.role}`}
                type="button"
                className="nav-item"
                aria-current={view === v.id ? 'page' : undefined}
                onClick={() => {
                  if (mayLeave()) setView(v.id);
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
              if (mayLeave()) setView('setup');
            }}
          >
            설정 변경
          </button>
        </div>
      </header>
      <main className="app-main">
        {view === 'drafting' && setup.role === 'department' ? (
          <DraftingScreen catalog={catalog} setup={setup} />
        ) : view === 'submission' ? (
          <SubmissionScreen setup={setup} />
        ) : view === 'report' && setup.role === 'office' ? (
          <OfficeReportScreen catalog={catalog} />
        ) : (
          <CatalogScreen catalog={catalog} setup={setup} />
        )}
      </main>
    </div>
  );
}
