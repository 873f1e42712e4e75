// A path typed or pasted into a field, as the schemas of the operations that take one read it.
import { z } from 'zod';

/**
 * The path without the spaces around it nor the double quotes Windows puts around a path it copies (탐색기의
 * '경로로 복사', Ctrl+Shift+C: "D:\제출\2019-H1"). A quote cannot be part of a Windows file name, and no one names
 * a folder on Linux with quotes at both ends, so one pair around the whole path is taken off.
 */
export function unquotePath(typed: string): string {
  const trimmed = typed.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

/** A string read as a typed path (unquotePath), then checked by `checks` (which see the unquoted path). */
export const typedPathSchema = <T extends z.ZodType<string, string>>(checks: T) =>
  z.string().transform(unquotePath).pipe(checks);
