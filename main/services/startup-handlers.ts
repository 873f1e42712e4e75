import type { Handlers } from '../../domain/api/contract';
import { UserError } from './errors';

/** The recovery screen's operations once the data is open (startup-recovery.ts answers them before that). */
export const startupHandlers = () => {
  const alreadyOpen = (): never => {
    throw new UserError(
      'STARTUP_NOT_IN_RECOVERY',
      '데이터 파일이 이미 열려 있어 다시 시작할 필요가 없습니다. 화면을 새로 고치세요.',
    );
  };
  return {
    getStartupProblem: () => null,
    startWithNewDataDir: alreadyOpen,
    retryStartup: alreadyOpen,
  } satisfies Partial<Handlers>;
};
