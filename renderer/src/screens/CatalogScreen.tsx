import {
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { SetupState } from '../../../domain/api/contract';
import type { Catalog, CatalogProject } from '../../../domain/catalog/types';
import { departmentsEver, moveLines } from '../../../domain/catalog/assignments';
import { projectsForDepartment, searchProjects } from '../../../domain/catalog/search';
import { listDepartments } from '../../../domain/catalog/departments';
import { CatalogChangePanel } from './CatalogChangePanel';
import { ProjectDetail } from './ProjectDetail';
import { ReceivedDocuments } from './ReceivedDocuments';

/** Area → core pledge → project browser with search and a department filter; the user's own projects first. */
export function CatalogScreen({
  catalog,
  setup,
  onOpenDocuments,
  onCatalogChanged,
  initialProjectId,
  onGo,
}: {
  catalog: Catalog;
  setup: SetupState;
  /** A project to open with (the office came from a 관리번호 in 종합 현황): shown at once, the keyboard on it. */
  initialProjectId?: string | undefined;
  /** A department's own project (lead or co-department): go to 문서 작성 with it. */
  onOpenDocuments?: ((projectId: string) => void) | undefined;
  /** The office took another list (공약사업 목록 관리): the app reads it again. */
  onCatalogChanged?: (() => void) | undefined;
  /** Opens a screen of the top menu (the start hints' buttons). */
  onGo?: ((view: StartView) => void) | undefined;
}) {
  const departments = useMemo(() => departmentChoices(catalog), [catalog]);
  const [query, setQuery] = useState('');
  const [department, setDepartment] = useState<string>('');
  const [selectedId, setSelectedId] = useState<string | null>(initialProjectId ?? null);
  const detailRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (initialProjectId !== undefined) detailRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [initialProjectId]);
  const deferredQuery = useDeferredValue(query);
  const searchRef = useRef<HTMLInputElement>(null);

  const filtering = deferredQuery.trim() !== '' || department !== '';
  // The department filter finds a project by any department that ever had it (부서 이관), not only today's.
  const results = useMemo(
    () =>
      filtering
        ? searchProjects(catalog, deferredQuery).filter(
            (p) => department === '' || departmentsEver(p).includes(department),
          )
        : [],
    [catalog, deferredQuery, department, filtering],
  );
  const own = useMemo(
    () =>
      setup.role === 'department' && setup.department ? projectsForDepartment(catalog, setup.department) : [],
    [catalog, setup],
  );
  const selected = catalog.projects.find((p) => p.id === selectedId) ?? null;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === '/' && document.activeElement !== searchRef.current) {
      e.preventDefault();
      searchRef.current?.focus();
    }
  };

  return (
    <div className="catalog" onKeyDown={onKeyDown}>
      <section className="catalog-list" aria-label="공약사업 목록">
        <div className="filters">
          <input
            ref={searchRef}
            type="search"
            aria-label="검색"
            placeholder="번호(예: 3-2-1) 또는 사업명·부서로 검색  ( / )"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoFocus={initialProjectId === undefined}
          />
          <select aria-label="부서 필터" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">전체 부서</option>
            {departments.map(({ name, former }) => (
              <option key={name} value={name}>
                {former ? `${name} (이관 전 부서)` : name}
              </option>
            ))}
          </select>
        </div>

        {filtering ? (
          <div data-testid="search-results">
            <p className="count" role="status">
              검색 결과 {results.length}건
            </p>
            <ProjectList projects={results} selectedId={selectedId} onSelect={setSelectedId} />
          </div>
        ) : (
          <>
            {own.length > 0 && (
              <div className="own-projects" data-testid="own-projects">
                <h2>
                  우리 부서 사업 <span className="count">({own.length})</span>
                </h2>
                <ProjectList
                  projects={own}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  department={setup.department}
                />
              </div>
            )}
            <CatalogTree catalog={catalog} selectedId={selectedId} onSelect={setSelectedId} />
          </>
        )}
      </section>
      <section className="catalog-detail" aria-label="사업 상세" ref={detailRef}>
        {selected ? (
          <>
            <ProjectDetail
              catalog={catalog}
              project={selected}
              onOpenDocuments={
                onOpenDocuments &&
                setup.role === 'department' &&
                setup.department !== null &&
                (selected.leadDepartment === setup.department ||
                  selected.coDepartments.includes(setup.department))
                  ? () => onOpenDocuments(selected.id)
                  : undefined
              }
            />
            {setup.role === 'office' && <ReceivedDocuments key={selected.id} project={selected} />}
          </>
        ) : (
          <>
            <p className="empty">
              왼쪽 목록에서 세부사업을 선택하세요. 전체 {catalog.areas.length}개 분야,{' '}
              {catalog.corePledges.length}개 핵심공약, {catalog.projects.length}개 세부사업.
            </p>
            {onGo && <StartHints role={setup.role} onGo={onGo} />}
            {setup.role === 'office' && onCatalogChanged && (
              <CatalogChangePanel catalog={catalog} onChanged={onCatalogChanged} />
            )}
          </>
        )}
      </section>
    </div>
  );
}

/**
 * The department filter's choices: every department of the list today, then, marked, those that only had projects
 * before a reorganisation moved them (a project keeps its former departments; the filter finds it by them).
 */
function departmentChoices(catalog: Catalog): { name: string; former: boolean }[] {
  const current = listDepartments(catalog);
  const known = new Set(current);
  const former = new Set<string>();
  for (const project of catalog.projects)
    for (const name of departmentsEver(project)) if (!known.has(name)) former.add(name);
  const collator = new Intl.Collator('ko');
  return [
    ...current.map((name) => ({ name, former: false })),
    ...[...former].sort(collator.compare).map((name) => ({ name, former: true })),
  ];
}

function ProjectList(props: {
  projects: CatalogProject[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  department?: string | null;
}) {
  if (props.projects.length === 0) return <p className="empty">해당하는 세부사업이 없습니다.</p>;
  return (
    <ul className="project-list">
      {props.projects.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className="project-item"
            aria-pressed={p.id === props.selectedId}
            data-project-id={p.id}
            onClick={() => props.onSelect(p.id)}
          >
            <span className="project-id">{p.id}</span>
            <span className="project-name">{p.name}</span>
            <span className="project-dept">
              {p.leadDepartment}
              {props.department && p.leadDepartment !== props.department && ' (협조)'}
            </span>
            {(p.formerAssignments?.length ?? 0) > 0 && (
              // Under the name and the department: the departments the project had before, as text.
              <span className="project-dept project-moves">
                {moveLines(p).map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

function CatalogTree(props: { catalog: Catalog; selectedId: string | null; onSelect: (id: string) => void }) {
  const { catalog } = props;
  return (
    <div className="tree" data-testid="catalog-tree">
      {catalog.areas.map((area) => {
        const cores = catalog.corePledges.filter((c) => c.areaId === area.id);
        const count = catalog.projects.filter((p) => p.corePledgeId.startsWith(`${area.id}-`)).length;
        return (
          <details key={area.id} className="tree-area">
            <summary>
              {area.id}. {area.name} <span className="count">({count})</span>
            </summary>
            {cores.map((core) => (
              <details key={core.id} className="tree-core">
                <summary>
                  <span className="project-id">{core.id}</span> {core.name}
                </summary>
                <ProjectList
                  projects={catalog.projects.filter((p) => p.corePledgeId === core.id)}
                  selectedId={props.selectedId}
                  onSelect={props.onSelect}
                />
              </details>
            ))}
          </details>
        );
      })}
    </div>
  );
}

/** The screens the start hints lead to. */
export type StartView = 'drafting' | 'submission' | 'report' | 'guide';

/**
 * Where the work is: the program opens on 공약 목록 (after a start or a reload), which is not where a department
 * writes or the office gathers; these say where to go, each with its key.
 */
function StartHints({ role, onGo }: { role: SetupState['role']; onGo: (view: StartView) => void }) {
  const steps: { view: StartView; label: string; key: string; what: string }[] =
    role === 'office'
      ? [
          {
            view: 'submission',
            label: '제출 파일 받기',
            key: 'Alt+1',
            what: '부서 키 등록, 제출 파일 가져오기, 기준 자료 내보내기',
          },
          {
            view: 'report',
            label: '종합 현황',
            key: 'Alt+2',
            what: '실천계획 확정, 추진상황·재정집행·제출 현황, 엑셀과 인쇄',
          },
        ]
      : [
          {
            view: 'drafting',
            label: '문서 작성',
            key: 'Alt+1',
            what: '제출 기한과 이 부서의 실천계획서·관리카드·재정집행현황 작성',
          },
          {
            view: 'submission',
            label: '제출 파일',
            key: 'Alt+2',
            what: '서명 키, 기준 자료 적용, 기획담당관에게 보낼 제출 파일 만들기',
          },
        ];
  // Links, not buttons: they go to another screen, as the menu's items do (and are not taken for them).
  const go = (view: StartView) => (e: MouseEvent) => {
    e.preventDefault();
    onGo(view);
  };
  return (
    <nav className="start-hints screen-only" aria-label="어디서 시작할까요" data-testid="start-hints">
      <h2>어디서 시작할까요</h2>
      <ul>
        {steps.map((s) => (
          <li key={s.view}>
            <a href={`#${s.view}`} onClick={go(s.view)}>
              {s.label}
            </a>{' '}
            <kbd>{s.key}</kbd> {s.what}
          </li>
        ))}
        <li>
          <a href="#guide" onClick={go('guide')}>
            사용 안내
          </a>{' '}
          <kbd>F1</kbd> 처음이면: 할 일 순서, 제출 일정, 이럴 때는
        </li>
      </ul>
    </nav>
  );
}
