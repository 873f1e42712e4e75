import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { setupInputSchema, type SetupState } from '../../../domain/api/contract';
import type { Catalog } from '../../../domain/catalog/types';
import { ApiCallError, api } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { BackupPanel } from './BackupPanel';
import { CatalogFilePanel, type ChosenCatalogFile } from './CatalogFilePanel';
import { RestorePanel } from './RestorePanel';
import { listDepartments } from '../../../domain/catalog/departments';
import { onEscape } from '../components/on-escape';

type FormInput = z.input<typeof setupInputSchema>;
type FormOutput = z.output<typeof setupInputSchema>;

/** First run (and later "설정 변경"): who uses this copy, and where its data lives. */
export function SetupScreen(props: {
  setup: SetupState;
  catalog: Catalog;
  onSaved: () => void;
  onCancel?: (() => void) | undefined;
}) {
  // Another city's or term's list for a new data folder (공약사업 목록 파일): its departments are the choices.
  const [catalogFile, setCatalogFile] = useState<ChosenCatalogFile | null>(null);
  const [catalogProblem, setCatalogProblem] = useState<string | null>(null);
  const departments = catalogFile?.summary.departments ?? listDepartments(props.catalog);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(setupInputSchema),
    defaultValues: {
      role: props.setup.role ?? 'department',
      department: props.setup.department ?? null,
      dataDir: props.setup.dataDir,
    },
  });
  const role = form.watch('role');
  // Started with --data: that folder opens at every such start, so no default is offered and the folder is named.
  const startDataDir = props.setup.startDataDir;
  const { errors, isSubmitting } = form.formState;

  // The server's question when the folder holds another department's work (IDENTITY_CHANGE), and what to save.
  const [asked, setAsked] = useState<{ message: string; values: FormOutput } | null>(null);
  const save = async (values: FormOutput, confirmIdentityChange: boolean) => {
    setFailure(null);
    setAsked(null);
    setCatalogProblem(null);
    try {
      await api.saveSetup({
        ...values,
        department: values.role === 'office' ? null : values.department,
        ...(confirmIdentityChange ? { confirmIdentityChange } : {}),
        ...(catalogFile === null ? {} : { catalogFile: catalogFile.file }),
      });
      props.onSaved();
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'IDENTITY_CHANGE') {
        setAsked({ message: error.message, values });
        return;
      }
      // A message about one field is shown at that field only; anything else above the buttons.
      let shownAtField = false;
      if (error instanceof ApiCallError) {
        for (const [field, message] of Object.entries(error.details)) {
          if (field === 'role' || field === 'department' || field === 'dataDir') {
            form.setError(field, { message }, { shouldFocus: true });
            shownAtField = true;
          } else if (field === 'catalogFile') {
            setCatalogProblem(message);
            shownAtField = true;
          }
        }
      }
      if (!shownAtField) setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  const validateAndSave = form.handleSubmit((values) => save(values, false));
  // Every try starts clean: a message from the last try is not left next to this one's.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    setFailure(null);
    setAsked(null);
    return validateAndSave(event);
  };

  return (
    <main className="setup">
      <h1>공약이행 관리 — {props.setup.configured ? '설정 변경' : '처음 설정'}</h1>
      <p className="lead">
        {startDataDir === null
          ? '이 PC에서 프로그램을 사용하는 부서와 데이터를 저장할 폴더를 정합니다.'
          : '이 PC에서 프로그램을 사용하는 부서를 정합니다.'}
        {props.setup.configured ? '' : ' 나중에 바꿀 수 있습니다.'}
        {startDataDir === null ? '' : ' 데이터 폴더는 프로그램을 시작할 때 지정했습니다.'}
      </p>
      <form
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label={props.setup.configured ? '설정 변경' : '처음 설정'}
      >
        <fieldset>
          <legend>사용자 구분</legend>
          <label className="choice">
            <input type="radio" value="department" {...form.register('role')} />
            주관부서 (실천계획서·관리카드 작성, 제출 파일 만들기)
          </label>
          <label className="choice">
            <input type="radio" value="office" {...form.register('role')} />
            기획담당관 — 총괄부서 (제출 파일 취합, 현황 집계)
          </label>
        </fieldset>

        <CatalogFilePanel
          catalog={props.catalog}
          chosen={catalogFile}
          problem={catalogProblem}
          firstRun={!props.setup.configured}
          onChosen={(chosen) => {
            setCatalogFile(chosen);
            setCatalogProblem(null);
            // A department the new list does not name is not kept as chosen.
            const picked = form.getValues('department');
            const names = chosen?.summary.departments ?? listDepartments(props.catalog);
            if (picked && !names.includes(picked)) form.setValue('department', null);
          }}
        />

        {role === 'department' && (
          <div className="field">
            <label htmlFor="department">주관부서</label>
            <select
              id="department"
              {...form.register('department', { setValueAs: (v: string) => (v === '' ? null : v) })}
              aria-invalid={errors.department ? true : undefined}
            >
              <option value="">— 부서를 선택하세요 —</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            {errors.department && (
              <p className="field-error">{errors.department.message ?? '주관부서를 선택하세요.'}</p>
            )}
          </div>
        )}

        <div className="field">
          <label htmlFor="dataDir">데이터 폴더</label>
          <input
            id="dataDir"
            type="text"
            {...form.register('dataDir')}
            aria-invalid={errors.dataDir ? true : undefined}
            aria-describedby="dataDir-hint"
          />
          {startDataDir === null ? (
            <p className="hint" id="dataDir-hint">
              이 PC의 로컬 디스크에 있는 폴더여야 합니다 (네트워크 공유 폴더와 그에 연결된 네트워크 드라이브는
              사용할 수 없습니다). 기본값: <code>{props.setup.defaultDataDir}</code>
            </p>
          ) : (
            <p className="hint" id="dataDir-hint" data-testid="start-data-dir">
              시작할 때 지정한 데이터 폴더: <code>{startDataDir}</code>. 이렇게 시작하면 언제나 이 폴더를
              엽니다. 다른 폴더를 적으면 이번 실행에만 쓰이고 기억되지 않습니다 (이 PC의 로컬 디스크에 있는
              폴더여야 합니다).
            </p>
          )}
          {errors.dataDir && <p className="field-error">{errors.dataDir.message}</p>}
        </div>

        {failure && <StatusMessage kind="error">{failure}</StatusMessage>}
        {asked && (
          <div
            className="confirm-box"
            role="alertdialog"
            aria-label="사용자 바꾸기 확인"
            data-testid="identity-change"
            onKeyDown={onEscape(() => setAsked(null))}
          >
            <p>{asked.message}</p>
            <button type="button" className="primary" onClick={() => void save(asked.values, true)}>
              그래도 바꾸기
            </button>
            <button type="button" onClick={() => setAsked(null)} autoFocus>
              바꾸지 않기
            </button>
          </div>
        )}

        <div className="actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? '저장 중…' : '저장하고 시작'}
          </button>
          {props.onCancel && (
            <button type="button" onClick={props.onCancel}>
              취소
            </button>
          )}
        </div>
      </form>
      {props.setup.configured && <BackupPanel dataDir={props.setup.dataDir} />}
      <RestorePanel
        suggestedDataDir={startDataDir ?? props.setup.defaultDataDir}
        onRestored={(restored) => {
          // The form now points at the restored folder (and its user, when the backup names one).
          form.setValue('dataDir', restored.dataDir, { shouldValidate: true });
          if (restored.role !== null) form.setValue('role', restored.role);
          if (restored.role === 'department' && restored.department !== null)
            form.setValue('department', restored.department);
        }}
      />
    </main>
  );
}
