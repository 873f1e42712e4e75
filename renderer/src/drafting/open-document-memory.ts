import { documentRefSchema, type DocumentRef } from '../../../domain/api/contract';

/**
 * The document open on the desk, kept for this window (sessionStorage: one per tab or window, gone with it), so a
 * reload (F5, the program restarted in the same window) comes back to the form being written instead of the list.
 * Kept per data folder and department: another folder or department never opens a document of this one.
 */

const keyOf = (dataDir: string, department: string): string =>
  `pledge.open-document|${dataDir}|${department}`;

/** Web storage may be missing or refuse (a locked-down profile): remembering is then left out, nothing fails. */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The document this window had open, or null (none, or what is stored is no document reference). */
export function rememberedDocument(dataDir: string, department: string): DocumentRef | null {
  try {
    const raw = storage()?.getItem(keyOf(dataDir, department));
    if (raw == null) return null;
    const parsed = documentRefSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps `ref` as the open document, or forgets it (null: back on the list). */
export function rememberDocument(dataDir: string, department: string, ref: DocumentRef | null): void {
  try {
    const store = storage();
    if (ref === null) store?.removeItem(keyOf(dataDir, department));
    else store?.setItem(keyOf(dataDir, department), JSON.stringify(ref));
  } catch {
    // Full or refused: the next reload opens on the list, as before.
  }
}
