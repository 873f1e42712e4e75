import { api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useAction } from '../components/use-action';
import { downloadBase64 } from './files';

/**
 * "내려받기" for a file this copy made (a 제출 파일, a 기준 자료): saved where the person chooses, to send by mail
 * or USB. In browser mode it is the only way to reach the file; in the window it saves a copy elsewhere. A file
 * gone or changed since it was made is named instead.
 */
export function MadeFileDownload(props: {
  type: 'pledge-submission' | 'pledge-baseline';
  revision: number;
  label: string;
}) {
  const action = useAction();
  return (
    <div className="made-file-download">
      <button
        type="button"
        disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            const file = await api.readMadeFile({ type: props.type, revision: props.revision });
            downloadBase64(file.fileName, file.mediaType, file.dataBase64);
          })
        }
      >
        {props.label} 내려받기
      </button>
      {action.error && <StatusMessage kind="error">{action.error}</StatusMessage>}
    </div>
  );
}
