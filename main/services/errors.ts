import type { ApiError } from '../../domain/api/contract';

/** An error whose message is meant for the user (Korean), with a stable code for programs and tests. */
export class UserError extends Error {
  readonly code: string;
  readonly details: Record<string, string> | undefined;
  constructor(code: string, message: string, details?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.details = details;
  }
  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: this.details };
  }
}
