import { parseArgs } from 'node:util';
import { releaseAfterRotation, releaseQuarantined } from '../../services/bundle-import';
import type { ImportResult } from '../../services/import-result';
import {
  applyRotation,
  exportEnrollment,
  getKeyStatus,
  importEnrollment,
  initKeys,
  isRotationStatement,
  listRegistry,
  markApproved,
  revokeKey,
  rotateOwnKey,
  withdrawOfficeKeyTrust,
} from '../../services/key-service';
import { printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { readInputFile, writingTo } from '../files';
import { KEY_STATUS_LABELS } from '../../../domain/api/contract';
import { OFFICE_DEPARTMENT } from '../../bundles';
import { KEY_FILE_MAX_BYTES } from '../../../domain/text/file-size';

export const keysHelp = `pledge keys <하위 명령> --data DIR [--json]
  서명 키를 관리합니다. 개인 키는 데이터 폴더의 keys/ 에 현재 사용자만 읽을 수 있는 파일로 저장됩니다
  (Windows에서는 파일이 데이터 폴더의 접근 권한을 따릅니다).
  init                 이 PC의 키 쌍을 만듭니다 (이미 있으면 그대로 둡니다)
  status               이 PC의 키 ID, 지문, 개인 키 보호 방식
  export [--out FILE]  키 등록 파일(*.pledgekey.json)을 쓰고 지문을 보여 줍니다. 지문은 전화로 서로 읽어 확인하세요
  rotate [--out FILE]  (주관부서) 새 키를 만들고 이전 키로 서명한 키 교체 문서를 씁니다
  list                 (기획담당관) 등록된 부서 키 목록
  import FILE          기획담당관: 부서의 키 등록 파일(승인 대기로 등록) 또는 키 교체 문서
                       주관부서: 기획담당관의 키 등록 파일 (기준 자료 검증용으로 신뢰)
  approve KEYID [--department 부서]  (기획담당관) 키 승인, 격리된 제출 파일을 다시 검사해 반영
  revoke KEYID [--department 부서]   (기획담당관) 키 폐기
  distrust KEYID       (주관부서) 신뢰하던 기획담당관 키의 신뢰 철회 (되돌릴 수 없습니다)`;

function printReleased(io: CliIo, released: ImportResult[]): void {
  for (const r of released)
    io.out(`  ${r.status === 'accepted' ? '반영' : '격리 유지'}: ${r.file} — ${r.reason}`);
}

export async function runKeys(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      department: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const [sub, arg] = positionals;
  return withData(values.data, async (ctx) => {
    switch (sub) {
      case 'init': {
        const status = await initKeys(ctx);
        if (values.json) printJson(io, status);
        else {
          io.out(
            status.replacedKeyId
              ? `이 PC에서 읽을 수 없는 키(키 ID ${status.replacedKeyId})를 폐기하고 새 키를 만들었습니다. 'pledge keys export'로 등록 파일을 써서 기획담당관에게 다시 등록하세요.`
              : status.created
                ? '새 키를 만들었습니다.'
                : '이미 키가 있습니다.',
          );
          if (status.privateKeyProblem) io.out(status.privateKeyProblem);
          io.out(
            `부서: ${status.department}\n키 ID: ${status.keyId}\n지문: ${status.fingerprint}\n${status.protection ?? ''}`,
          );
        }
        return 0;
      }
      case 'status': {
        const status = await getKeyStatus(ctx);
        if (values.json) printJson(io, status);
        else if (!status.hasKey)
          io.out("이 PC에는 아직 서명 키가 없습니다. 'pledge keys init'으로 만드세요.");
        else {
          io.out(
            `부서: ${status.department}\n키 ID: ${status.keyId}\n지문: ${status.fingerprint}\n${status.protection ?? ''}`,
          );
          if (status.privateKeyProblem) io.out(status.privateKeyProblem);
          if (status.privateKeyLost)
            io.out("이 키로는 서명할 수 없습니다. 'pledge keys init'으로 새 키를 만들어 다시 등록하세요.");
        }
        return 0;
      }
      case 'export': {
        const exported = await writingTo(values.out, '키 등록 파일', (out) => exportEnrollment(ctx, out));
        if (values.json) printJson(io, { ...exported, text: undefined });
        else
          io.out(
            `키 등록 파일: ${exported.path}\n부서: ${exported.department}\n키 ID: ${exported.keyId}\n지문: ${exported.fingerprint}\n${
              exported.department === OFFICE_DEPARTMENT
                ? '이 파일을 가져가는 각 부서와 전화로 지문을 서로 읽어 확인하세요.'
                : '기획담당관과 전화로 지문을 서로 읽어 확인하세요.'
            }`,
          );
        return 0;
      }
      case 'rotate': {
        const rotated = await writingTo(values.out, '키 교체 문서', (out) => rotateOwnKey(ctx, out));
        if (values.json) printJson(io, rotated);
        else
          io.out(
            `키 교체 문서: ${rotated.path}\n이전 키 ID: ${rotated.oldKeyId}\n새 키 ID: ${rotated.keyId}\n새 지문: ${rotated.fingerprint}\n이 문서를 기획담당관에게 보내세요.`,
          );
        return 0;
      }
      case 'list': {
        const keys = await listRegistry(ctx);
        if (values.json) printJson(io, keys);
        else if (keys.length === 0) io.out('등록된 키가 없습니다.');
        else
          for (const k of keys)
            io.out(`${k.keyId}  ${k.fingerprint}  ${k.status.padEnd(8)}  ${k.department}`);
        return 0;
      }
      case 'import': {
        if (!arg) throw new UsageError('가져올 키 파일을 지정하세요.');
        const text = readInputFile(arg, '가져올 키 파일', KEY_FILE_MAX_BYTES).toString('utf8');
        if (isRotationStatement(text)) {
          const { key, replaced } = await applyRotation(ctx, text);
          const released = await releaseAfterRotation(ctx, {
            department: key.department,
            keyId: key.keyId,
            replacedKeyId: replaced.keyId,
          });
          if (values.json) printJson(io, { key, replaced, released });
          else {
            io.out(
              `키 교체를 반영했습니다: ${key.department} ${replaced.keyId} → ${key.keyId} (지문 ${key.fingerprint}). 이전 키로 교체 전에 서명한 제출 파일은 계속 받습니다.`,
            );
            printReleased(io, released);
          }
          return 0;
        }
        const imported = await importEnrollment(ctx, text);
        if (values.json) printJson(io, imported);
        else if (imported.kind === 'trustedOffice') {
          io.out(
            `${imported.alreadyKnown ? '이미 신뢰하는' : '신뢰하도록 등록한'} 기획담당관 키: ${imported.key.keyId} (지문 ${imported.key.fingerprint})`,
          );
        } else {
          io.out(
            `${imported.alreadyKnown ? '이미 등록된 키입니다' : '승인 대기로 등록했습니다'}: ${imported.key.department} ${imported.key.keyId} (지문 ${imported.key.fingerprint}, 상태 ${KEY_STATUS_LABELS[imported.key.status]})\n지문을 부서와 전화로 확인한 뒤 'pledge keys approve ${imported.key.keyId}'로 승인하세요.`,
          );
        }
        return 0;
      }
      case 'approve': {
        if (!arg) throw new UsageError('승인할 키 ID를 지정하세요.');
        const key = await markApproved(ctx, arg, values.department);
        const released = await releaseQuarantined(ctx, key.department, key.keyId);
        if (values.json) printJson(io, { key, released });
        else {
          io.out(`승인했습니다: ${key.department} ${key.keyId} (지문 ${key.fingerprint})`);
          printReleased(io, released);
        }
        return 0;
      }
      case 'revoke': {
        if (!arg) throw new UsageError('폐기할 키 ID를 지정하세요.');
        const key = await revokeKey(ctx, arg, values.department);
        if (values.json) printJson(io, key);
        else
          io.out(
            `폐기했습니다: ${key.department} ${key.keyId}. 이 키로 서명된 제출 파일은 만든 때와 상관없이 반영하지 않고 격리합니다 (이미 반영된 자료는 그대로 남습니다). 부서는 새 키를 만들어 등록해야 합니다.`,
          );
        return 0;
      }
      case 'distrust': {
        if (!arg) throw new UsageError('신뢰를 철회할 기획담당관 키 ID를 지정하세요.');
        const status = await withdrawOfficeKeyTrust(ctx, arg);
        if (values.json) printJson(io, status);
        else
          io.out(
            `신뢰를 철회했습니다: 기획담당관 키 ${arg}. 이 키로 서명된 기준 자료는 더 이상 적용하지 않습니다.`,
          );
        return 0;
      }
      default:
        throw new UsageError(sub ? `알 수 없는 하위 명령입니다: ${sub}` : '하위 명령을 지정하세요.');
    }
  });
}
