import { createContext, useContext } from 'react';

/**
 * Opens a project's page in 공약 목록 (the office reads its 받은 문서 there); provided by the app for the office.
 * Without it a project's number is plain text.
 */
export const OpenProjectContext = createContext<((projectId: string) => void) | null>(null);

/** A project's 관리번호 in a table: a link to its 받은 문서 where the app offers one. */
export function ProjectLink({ projectId }: { projectId: string }) {
  const open = useContext(OpenProjectContext);
  if (open === null) return <>{projectId}</>;
  return (
    <button
      type="button"
      className="link project-link"
      onClick={() => open(projectId)}
      aria-label={`${projectId} 받은 문서 보기 (공약 목록)`}
    >
      {projectId}
    </button>
  );
}
