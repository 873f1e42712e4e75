import { savableRest } from './partial-save';

/**
 * One autosave attempt, apart from React so its outcomes can be tested: the form's values are stored; when the
 * server refuses some fields (DOCUMENT_INVALID), the rest is stored without them. A failure of that second save
 * for any other reason (a full disk, another window's save, no connection) is the failure it is, not a refusal:
 * nothing since the last good save is stored, and it must be tried again.
 */

export type SaveAttempt =
  | { kind: 'saved' }
  /** Stored except the fields in `refused` (path → message), which kept their last saved value. */
  | { kind: 'partial'; refused: Record<string, string> }
  /** Nothing stored because of the input itself: it waits, marked, for the next edit. */
  | { kind: 'invalid'; message: string; refused: Record<string, string> }
  /** Nothing stored for a reason other than the input: to be tried again (`refused`: fields also refused). */
  | { kind: 'failed'; message: string; code?: string; refused?: Record<string, string> };

/** The API's error code (ApiCallError's), read without importing the client (which needs a window). */
function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function detailsOf(error: unknown): Record<string, string> {
  const details =
    typeof error === 'object' && error !== null ? (error as { details?: unknown }).details : undefined;
  return typeof details === 'object' && details !== null ? (details as Record<string, string>) : {};
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function failed(error: unknown, refused?: Record<string, string>): SaveAttempt {
  const code = codeOf(error);
  return {
    kind: 'failed',
    message: messageOf(error),
    ...(code === undefined ? {} : { code }),
    ...(refused === undefined ? {} : { refused }),
  };
}

export async function attemptSave(
  store: (json: unknown) => Promise<void>,
  values: unknown,
  lastSaved: () => unknown,
): Promise<SaveAttempt> {
  try {
    await store(values);
    return { kind: 'saved' };
  } catch (error) {
    if (codeOf(error) !== 'DOCUMENT_INVALID') return failed(error);
    const refused = detailsOf(error);
    const rest = savableRest(values, refused, lastSaved());
    if (rest !== null) {
      try {
        await store(rest);
        return { kind: 'partial', refused };
      } catch (restError) {
        // Refused again (a required field never saved): nothing is stored, for the input's sake.
        if (codeOf(restError) !== 'DOCUMENT_INVALID') return failed(restError, refused);
      }
    }
    return { kind: 'invalid', message: messageOf(error), refused };
  }
}
