import { auditHelp, runAudit } from './commands/audit';
import { backupHelp, runBackup } from './commands/backup';
import { restoreHelp, runRestore } from './commands/restore';
import { baselineHelp, runBaseline } from './commands/baseline';
import { bundleHelp, runBundle } from './commands/bundle';
import { catalogHelp, runCatalog } from './commands/catalog';
import { draftHelp, runDraft } from './commands/draft';
import { importHelp, runImport } from './commands/import';
import { keysHelp, runKeys } from './commands/keys';
import { plansHelp, runPlans } from './commands/plans';
import { runSetup, setupHelp } from './commands/setup';
import { publishHelp, reportHelp, runPublish, runReport } from './commands/report';
import { cmdQuoteProblemIn } from './cmd-quote';
import { exitCodes, processIo, UsageError, type CliIo } from './io';

/**
 * `pledge`: batch work over the same services as the app (no Electron needed).
 * Each subcommand has a help text; `pledge --help` lists them all.
 */
interface Command {
  summary: string;
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
}

const commands: Record<string, Command> = {
  setup: { summary: '사용자(주관부서·기획담당관) 설정', help: setupHelp, run: runSetup },
  catalog: { summary: '공약사업 목록 출력', help: catalogHelp, run: runCatalog },
  keys: { summary: '서명 키 만들기·등록·승인·폐기', help: keysHelp, run: runKeys },
  bundle: { summary: '제출 파일 만들기·검증', help: bundleHelp, run: runBundle },
  import: { summary: '제출 파일 가져오기 (기획담당관)', help: importHelp, run: runImport },
  baseline: { summary: '기준 자료 내보내기·적용', help: baselineHelp, run: runBaseline },
  draft: { summary: '문서 JSON 불러오기·내보내기', help: draftHelp, run: runDraft },
  plans: { summary: '공약실천계획서 확정 (기획담당관)', help: plansHelp, run: runPlans },
  report: { summary: '반기 종합 현황 (JSON, 엑셀)', help: reportHelp, run: runReport },
  publish: { summary: '공개용 HTML·CSV 자료 쓰기', help: publishHelp, run: runPublish },
  audit: { summary: '받은 제출 파일 점검 (기획담당관)', help: auditHelp, run: runAudit },
  backup: { summary: '데이터 백업 (검사한 데이터베이스 사본)', help: backupHelp, run: runBackup },
  restore: { summary: '백업에서 복원 (새 데이터 폴더로)', help: restoreHelp, run: runRestore },
};

export function helpText(): string {
  const lines = [
    'pledge — 공약이행 관리 명령줄 도구',
    '',
    '사용법: pledge <명령> [옵션]',
    '',
    '명령:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`),
    '',
    '각 명령의 도움말:',
    ...Object.values(commands).flatMap((c) => ['', c.help]),
  ];
  return lines.join('\n');
}

/**
 * node:util parseArgs's English errors, said in Korean with the option or argument they are about; null for any
 * other error.
 */
export function parseArgsMessage(error: unknown, commandName: string): string | null {
  if (!(error instanceof TypeError) || !('code' in error)) return null;
  const code = String(error.code);
  if (!code.startsWith('ERR_PARSE_ARGS')) return null;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.replace(/ <value>$/, '');
  const help = `'pledge ${commandName} --help'로 쓸 수 있는 옵션을 확인하세요.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `알 수 없는 옵션입니다: ${option}\n${help}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `이 명령은 옵션이 아닌 인자를 받지 않습니다: ${option}\n${help}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message))
      return `${option} 옵션에는 값을 붙이지 않습니다 (${option} 만 쓰세요).\n${help}`;
    return `${option} 옵션에 값이 없습니다 (예: ${option} 값). '-'로 시작하는 값이면 ${option}=값 으로 쓰세요.\n${help}`;
  }
  return `명령줄 옵션이 올바르지 않습니다 (${option || code}).\n${help}`;
}

export async function main(
  argv: string[],
  io: CliIo = processIo,
  platform: NodeJS.Platform = process.platform,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? exitCodes.ok : exitCodes.usage;
  }
  const command = commands[name];
  if (!command) {
    io.err(`알 수 없는 명령입니다: ${name}\n'pledge --help'로 명령 목록을 확인하세요.`);
    return exitCodes.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return exitCodes.ok;
  }
  const quoteProblem = cmdQuoteProblemIn(rest, platform);
  if (quoteProblem !== null) {
    io.err(quoteProblem);
    return exitCodes.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const usage = error instanceof UsageError ? error.message : parseArgsMessage(error, name);
    if (usage !== null) {
      io.err(`${usage}\n\n${command.help}`);
      return exitCodes.usage;
    }
    io.err(`오류: ${error instanceof Error ? error.message : String(error)}`);
    return exitCodes.failed;
  }
}
