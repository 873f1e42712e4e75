import type { Handlers } from '../../domain/api/contract';
import { readAttachment, type AttachmentReader } from './attachment-read';
import type { AppContext } from './context';
import { requireDepartment, whoAmI } from './session';

/** Attached files read back (열기/내려받기): the office's received documents', a department's own. */
export const attachmentHandlers = (ctx: AppContext) =>
  ({
    readAttachment: async ({ sha256, name, projectId }) => {
      const who = await whoAmI(ctx);
      const reader: AttachmentReader =
        who?.role === 'office'
          ? { role: 'office' }
          : { role: 'department', department: await requireDepartment(ctx) };
      return readAttachment(ctx.db, reader, sha256, name, projectId);
    },
  }) satisfies Partial<Handlers>;
