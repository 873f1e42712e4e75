import { parseArgs } from 'node:util';
import {
  inspectBundle,
  keyId as keyIdOf,
  type BundleCheck,
  type BundleType,
  type KeySnapshotEntry,
} from '../../bundles';
import { checkSubmissionContent } from '../../services/bundle-content';
import { exportBundle } from '../../services/bundle-export';
import { chainResumeOffer, resumeChain } from '../../services/chain-resume';
import { defaultVerifier, officeKeySnapshot, registrySnapshot } from '../../services/bundle-verify';
import { loadCatalog, loadTerm } from '../../services/reference';
import { requireDepartment, whoAmI } from '../../services/session';
import { josa } from '../../../domain/text/josa';
import { exitCodes, printJson, UsageError, type CliIo } from '../io';
import { withData } from '../data-context';
import { readInputFile } from '../files';
import { bundlePeriodOption } from '../period';
import { BUNDLE_MAX_BYTES } from '../../../domain/api/contract';
import { KEY_FILE_MAX_BYTES } from '../../../domain/text/file-size';

export const bundleHelp = `pledge bundle export --period 2019-H1|plan --data DIR [--out FILE] [--project 1-1-1]… [--json]
  (주관부서) 선택한 기간의 문서를 서명한 제출 파일(.pledge, zip)로 씁니다. 오류가 있는 문서는 빼고 목록을 보여 줍니다.
  기본 파일: <데이터 폴더>/outbox/공약제출_<부서>_<기간>_r<회차>.pledge (그 이름의 파일이 이미 있으면 …_r<회차>(2).pledge)
  --out FILE 에 이미 파일이 있으면 덮어쓰지 않고 멈춥니다.
pledge bundle resume --data DIR [--yes] [--json]
  (주관부서) 이어 보내기: 기획담당관의 기준 자료(접수 내역)에 이 PC가 만든 파일이 빠져 있으면, 기획담당관이 받은
  마지막 파일과 받지 못한 파일을 보여 줍니다. --yes 를 붙이면 다음 제출 파일을 기획담당관이 받은 마지막 파일 다음으로
  이어 만듭니다 (받지 못한 파일의 기간은 다시 내보내세요). 이어 보낼 것이 없으면 그렇게 말합니다.
pledge bundle verify FILE [--key PUB.pem | --data DIR] [--json]
  제출 파일을 검사합니다: zip 구조, 서명, 구성 파일 해시, 키 상태 (--data 가 기획담당관 폴더면 문서 내용과 작성 권한까지).
  --key PUB.pem  이 공개 키로 검증 (보낸 사람의 키 등록 파일에 있는 publicKeyPem)
  --data DIR     이 데이터 폴더에 등록된 키로 검증
  성공하면 "검증 성공"과 종료 코드 0, 실패하면 이유와 종료 코드 1`;

export async function runBundle(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      out: { type: 'string' },
      period: { type: 'string' },
      project: { type: 'string', multiple: true },
      key: { type: 'string' },
      json: { type: 'boolean' },
      yes: { type: 'boolean' },
    },
  });
  const [sub, file] = positionals;
  if (sub === 'export') {
    if (!values.period) throw new UsageError('--period 로 기간(plan 또는 2019-H1 같은 반기)을 지정하세요.');
    const period = bundlePeriodOption('--period', values.period);
    return withData(values.data, async (ctx) => {
      const result = await exportBundle(ctx, { period, projectIds: values.project, path: values.out });
      if (values.json) {
        printJson(io, result);
        return 0;
      }
      io.out(
        `제출 파일을 썼습니다: ${result.path}\n회차: r${result.revision}\nSHA-256: ${result.sha256}\n문서 ${result.documents.length}건, 첨부 ${result.attachments}건`,
      );
      if (result.refused.length > 0) {
        io.out(`오류가 있어 뺀 문서 ${result.refused.length}건:`);
        for (const r of result.refused) io.out(`  ${r.document} — ${r.error}`);
      }
      return 0;
    });
  }
  if (sub === 'resume') {
    return withData(values.data, async (ctx) => {
      await requireDepartment(ctx);
      const offer = await chainResumeOffer(ctx.db);
      const result =
        offer !== null && values.yes ? await resumeChain(ctx, offer.head?.sha256 ?? null) : offer;
      if (values.json) {
        printJson(io, result);
        return 0;
      }
      if (result === null) {
        io.out(
          '이어 보낼 필요가 없습니다: 기획담당관의 마지막 기준 자료에 이 PC의 마지막 제출 파일이 있거나 오는 중일 수 있고, 또는 접수 내역이 담긴 기준 자료를 아직 적용하지 않았습니다.',
        );
        return 0;
      }
      const head = result.head;
      const after = head ? `기획담당관이 받은 r${head.revision}` : '처음';
      io.out(
        head
          ? `기획담당관이 받은 마지막 파일: r${head.revision} (${head.period}, ${head.receivedAt} 받음; ${result.asOf} 기준)`
          : `기획담당관은 이 부서의 파일을 아직 받지 않았습니다 (${result.asOf} 기준).`,
      );
      for (const f of result.notReceived)
        io.out(`  받지 못함: r${f.revision} (${f.period})${f.mayBeInTransit ? ' — 가는 중일 수 있음' : ''}`);
      io.out(
        result.resumed
          ? `다음 제출 파일은 ${josa(`r${result.nextRevision}`, '으로/로')}, ${after} 다음으로 이어집니다. 받지 못한 파일의 기간은 다시 내보내세요.`
          : `--yes 를 붙여 다시 실행하면 다음 제출 파일(r${result.nextRevision})을 ${after} 다음으로 이어 만듭니다.`,
      );
      return 0;
    });
  }
  if (sub === 'verify') {
    if (!file) throw new UsageError('검사할 제출 파일을 지정하세요.');
    if (!values.key && !values.data)
      throw new UsageError('--key PUB.pem 또는 --data DIR 중 하나를 지정하세요.');
    const bytes = readInputFile(file, '검사할 제출 파일', BUNDLE_MAX_BYTES);
    const report = (check: BundleCheck, extra?: string): number => {
      if (values.json)
        printJson(
          io,
          check.ok ? { ok: true, manifest: check.manifest, bundleSha256: check.bundleSha256 } : check,
        );
      if (check.ok) {
        if (!values.json)
          io.out(
            `검증 성공: ${check.manifest.department} r${check.manifest.revision} (${check.manifest.period}), 구성 파일 ${check.manifest.members.length}개, SHA-256 ${check.bundleSha256}`,
          );
        return exitCodes.ok;
      }
      if (!values.json) io.err(`검증 실패 [${check.code}]: ${check.message}${extra ?? ''}`);
      return exitCodes.failed;
    };
    if (values.key) {
      const pem = readInputFile(values.key, '--key 로 지정한 공개 키 파일', KEY_FILE_MAX_BYTES).toString(
        'utf8',
      );
      const id = keyIdOf(pem);
      const lookupKey = (_department: string, keyId: string) =>
        keyId === id
          ? { publicKeyPem: pem, status: 'approved' as const, validFrom: '1970-01-01T00:00:00Z' }
          : null;
      let check = await inspectBundle(bytes, { lookupKey, expectedType: 'pledge-submission' });
      if (!check.ok && check.code === 'TYPE_MISMATCH')
        check = await inspectBundle(bytes, { lookupKey, expectedType: 'pledge-baseline' });
      return report(check);
    }
    return withData(values.data, async (ctx) => {
      const office = (await whoAmI(ctx))?.role === 'office';
      const keys: KeySnapshotEntry[] = office ? await registrySnapshot(ctx) : await officeKeySnapshot(ctx);
      const type: BundleType = office ? 'pledge-submission' : 'pledge-baseline';
      const check = await defaultVerifier()(bytes, keys, type);
      if (!check.ok)
        return report(check, check.quarantine ? ' (키를 승인하면 받을 수 있는 제출 파일입니다)' : '');
      if (office) {
        const content = checkSubmissionContent(
          check.manifest,
          check.documents,
          check.attachments,
          await loadCatalog(ctx.db),
          await loadTerm(ctx.db),
        );
        if (!content.ok)
          return report({ ok: false, code: content.problem.code, message: content.problem.message });
      }
      return report(check);
    });
  }
  throw new UsageError(
    sub ? `알 수 없는 하위 명령입니다: ${sub}` : '하위 명령(export 또는 verify)을 지정하세요.',
  );
}
