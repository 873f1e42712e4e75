import type { AttachmentRef } from '../../../domain/documents';
import { josa } from '../../../domain/text/josa';
import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import { downloadBase64 } from '../submission/files';

type AttachedFile = Pick<AttachmentRef, 'sha256' | 'name'>;
/** A file in a list, with what the document says it is (관련자료's "전문가 검토의견"), if anything. */
export type ListedFile = AttachedFile & { description?: string };

/**
 * 열기/내려받기 of one attached file (완료 근거자료, 관련자료): its bytes read from the program by SHA-256 and saved
 * through the browser's download, in the window and in browser mode alike. What failed is said beside it.
 */
export function AttachmentOpenButton({ file, projectId }: { file: AttachedFile; projectId?: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="link"
        disabled={action.busy}
        aria-label={`${file.name} 열기/내려받기`}
        data-testid={`attachment-open-${file.sha256.slice(0, 12)}`}
        onClick={() =>
          void action.run(async () => {
            try {
              const read = await api.readAttachment({ sha256: file.sha256, name: file.name, projectId });
              downloadBase64(read.fileName, read.mediaType, read.dataBase64);
            } catch (e) {
              throw new Error(
                `${josa(file.name, '을/를')} 열지 못했습니다: ${e instanceof Error ? e.message : String(e)}`,
              );
            }
          })
        }
      >
        열기/내려받기
      </button>
      {action.error !== null && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </>
  );
}

/** The attached files as a list: each file's name and its 열기/내려받기 (the button is left off on paper). */
export function AttachmentFiles({
  files,
  label,
  projectId,
  testId,
}: {
  files: readonly ListedFile[];
  /** What the files are, for the list's accessible name ("완료 근거자료"). */
  label: string;
  /** The project whose document cites the files: where the office looks for them first. */
  projectId?: string;
  testId?: string;
}) {
  if (files.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={label} data-testid={testId}>
      {files.map((f, i) => (
        <li key={`${f.sha256}-${i}`}>
          {f.description !== undefined && f.description.trim() !== '' && `${f.description} `}
          <span className="file-name">{f.name}</span> <AttachmentOpenButton file={f} projectId={projectId} />
        </li>
      ))}
    </ul>
  );
}
