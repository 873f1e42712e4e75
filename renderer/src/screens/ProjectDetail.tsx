import { moveLines } from '../../../domain/catalog/assignments';
import type { Catalog, CatalogProject } from '../../../domain/catalog/types';

const circled = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

export function ProjectDetail({
  catalog,
  project,
  onOpenDocuments,
}: {
  catalog: Catalog;
  project: CatalogProject;
  /** For the department that writes this project's documents: to its 문서 작성 list, at this project. */
  onOpenDocuments?: (() => void) | undefined;
}) {
  const core = catalog.corePledges.find((c) => c.id === project.corePledgeId);
  const area = catalog.areas.find((a) => a.id === core?.areaId);
  return (
    <article className="project-detail" data-testid="project-detail">
      <h2 tabIndex={-1}>
        <span className="project-id">{project.id}</span> {project.name}
      </h2>
      <dl>
        <dt>분야</dt>
        <dd>
          {area ? `${area.id}. ${area.name}` : '—'}
          {area && core && area.subGoals[core.subGoalIndex] && ` — ${area.subGoals[core.subGoalIndex]?.name}`}
        </dd>
        <dt>핵심공약</dt>
        <dd>{core ? `${core.id} ${core.name}` : project.corePledgeId}</dd>
        <dt>선거공약 번호</dt>
        <dd data-testid="campaign-number">
          {core?.campaignNumber ? `공약 ${core.campaignNumber}번 (${core.campaignCategory ?? ''})` : '—'}
        </dd>
        <dt>주관부서</dt>
        <dd data-testid="lead-department">{project.leadDepartment}</dd>
        <dt>협조부서</dt>
        <dd>{project.coDepartments.length > 0 ? project.coDepartments.join(', ') : '없음'}</dd>
        {(project.formerAssignments?.length ?? 0) > 0 && (
          <>
            <dt>부서 이관</dt>
            <dd data-testid="former-assignments">
              {moveLines(project).map((line) => (
                <span className="project-moves-line" key={line}>
                  {line.replace(/^이관: /, '')}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      {onOpenDocuments && (
        <p>
          <button type="button" onClick={onOpenDocuments} data-testid="open-project-documents">
            이 사업의 문서 작성으로 →
          </button>
        </p>
      )}
      {project.subItems.length > 0 && (
        <>
          <h3>세부 내용</h3>
          <ol className="sub-items">
            {project.subItems.map((item, i) => (
              <li key={item}>
                <span aria-hidden="true">{circled[i] ?? `${i + 1}.`}</span> {item}
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
