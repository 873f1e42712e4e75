import { useState } from 'react';
import type { SetupState } from '../../../domain/api/contract';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { StatusMessage } from '../components/StatusMessage';
import { ArchiveAuditPanel } from './ArchiveAuditPanel';
import { BaselineApplyPanel, BaselineExportPanel } from './BaselinePanels';
import { BundleListPanel } from './BundleListPanel';
import { ChainResumePanel } from './ChainResumePanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { KeyPanel } from './KeyPanel';
import { RegistryPanel } from './RegistryPanel';
import { SentFilesPanel } from './SentFilesPanel';
import './submission.css';

/**
 * Signed submission files. A department makes its key and signs its documents into one file per period; the
 * planning office imports those files, keeps the departments' key registry and sends baseline packages back.
 */
export function SubmissionScreen({
  setup,
  onReferenceChanged,
}: {
  setup: SetupState;
  /** A baseline package was applied: it may carry another 공약사업 목록, which the app reads again. */
  onReferenceChanged?: (() => void) | undefined;
}) {
  // Bumped after every change so that each panel reloads what another panel may have changed.
  const [generation, setGeneration] = useState(0);
  const changed = () => setGeneration((g) => g + 1);
  const [state] = useLoad(
    async () => ({ key: await api.getKeyStatus(), info: await api.getAppInfo() }),
    [generation],
  );

  if (state.status === 'loading') return <StatusMessage kind="info">불러오는 중…</StatusMessage>;
  if (state.status === 'error') return <StatusMessage kind="error">{state.message}</StatusMessage>;
  const { key, info } = state.value;
  const browserNote =
    info.mode === 'browser' ? (
      <p className="hint mode-note" data-testid="browser-mode-note">
        브라우저 모드: 만든 파일은 프로그램이 실행 중인 이 PC의 폴더에 저장되고, 화면에 그 경로를 보여 줍니다.
      </p>
    ) : null;

  if (setup.role === 'office') {
    return (
      <div className="submission">
        <h1 className="screen-title">제출 파일 받기</h1>
        {browserNote}
        <div className="sub-grid sub-grid-office">
          <div className="sub-column">
            <ImportPanel onChanged={changed} />
            <BundleListPanel generation={generation} status="quarantined" />
          </div>
          <div className="sub-column">
            <RegistryPanel generation={generation} onChanged={changed} />
            <KeyPanel role="office" generation={generation} onChanged={changed} />
            <BaselineExportPanel hasKey={key.hasKey} />
            <ArchiveAuditPanel />
          </div>
        </div>
        {/* The received files: a long table, across the whole width. */}
        <div className="sub-wide">
          <BundleListPanel generation={generation} status="accepted" />
        </div>
      </div>
    );
  }

  return (
    <div className="submission">
      <h1 className="screen-title">{setup.department} 제출 파일</h1>
      {browserNote}
      <div className="sub-grid">
        <div className="sub-column">
          <KeyPanel role="department" generation={generation} onChanged={changed} />
          <BaselineApplyPanel
            onChanged={() => {
              changed();
              onReferenceChanged?.();
            }}
          />
        </div>
        <div className="sub-column">
          <ExportPanel generation={generation} hasKey={key.hasKey} onChanged={changed} />
          <ChainResumePanel generation={generation} onChanged={changed} />
          <SentFilesPanel generation={generation} />
        </div>
      </div>
    </div>
  );
}
