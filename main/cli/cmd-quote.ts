/**
 * cmd.exe hands a program `"D:\제출\"` as `D:\제출"`: the backslash before the closing quote makes it a quote
 * character, the quoted text goes on, and the rest of the line may be swallowed with it (`"D:\제출\" --json` is one
 * argument, `D:\제출" --json`). A double quote cannot be part of a Windows file name, so on Windows an argument
 * that ends in one, or has one before a space and an option, is this mistake: said before the command runs, naming
 * the argument and the fix, rather than as a missing folder named `D:\제출"`.
 */
const STRAY_QUOTE = /"$|" +-/;

/** Why an argument is cmd.exe's `\"` mistake, or null. */
export function cmdQuoteProblem(arg: string): string | null {
  if (!STRAY_QUOTE.test(arg)) return null;
  return (
    `명령줄 인자에 따옴표(")가 남아 있습니다: ${arg}\n` +
    `cmd.exe는 따옴표 바로 앞의 \\ 를 따옴표 글자로 읽습니다. 경로 끝의 \\ 를 빼고 "D:\\제출" 처럼 쓰세요.`
  );
}

/** The first argument that is cmd.exe's `\"` mistake, told as above; null when there is none or not on Windows. */
export function cmdQuoteProblemIn(
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): string | null {
  if (platform !== 'win32') return null;
  for (const arg of argv) {
    const problem = cmdQuoteProblem(arg);
    if (problem !== null) return problem;
  }
  return null;
}
