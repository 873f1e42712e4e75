import {
  ATTACHMENT_CATEGORY_LABELS,
  withShownStatusDetails,
  type CitizenParticipation,
  type Document,
} from '../../../domain/documents';
import { AttachmentFiles, type ListedFile } from './AttachmentFiles';

/** One kind of file a document attaches, as its form names it, with the files. */
export interface AttachedFileGroup {
  label: string;
  files: ListedFile[];
}

/** 시민참여 실적's 첨부: each photo or clipping with its kind and caption ("주요활동사진 · 개관식"). */
const participationFiles = (p: CitizenParticipation): ListedFile[] =>
  p.attachments.map((a) => ({
    ...a.file,
    description: [ATTACHMENT_CATEGORY_LABELS[a.category], a.caption.trim()]
      .filter((t) => t !== '')
      .join(' · '),
  }));

/**
 * The files a document attaches, by what they are: a card's 완료 근거자료 (only while it reports 완료, as it prints
 * its 완료 근거) and 시민참여 첨부, a plan's 시민참여 첨부, a request's 관련자료. Kinds without files are left out.
 */
export function attachedFileGroups(doc: Document): AttachedFileGroup[] {
  const groups: AttachedFileGroup[] = [];
  switch (doc.kind) {
    case 'managementCard':
      groups.push(
        { label: '완료 근거자료', files: withShownStatusDetails(doc).completionEvidence.attachments },
        { label: '시민참여 첨부', files: participationFiles(doc.citizenParticipation) },
      );
      break;
    case 'executionPlan':
      groups.push({ label: '시민참여 첨부', files: participationFiles(doc.citizenParticipation) });
      break;
    case 'changeRequest':
      groups.push({
        label: '관련자료 (첨부)',
        files: doc.evidence.map((e) => ({ ...e.file, description: e.description })),
      });
      break;
    case 'financeRow':
      break;
  }
  return groups.filter((g) => g.files.length > 0);
}

/**
 * Above a document shown in its official layout, on screen only: each file it attaches, to open (열기/내려받기).
 * The print names the files; the buttons are left off paper.
 */
export function DocumentFilesToOpen({ document }: { document: Document }) {
  const groups = attachedFileGroups(document);
  if (groups.length === 0) return null;
  return (
    <div className="screen-only document-files" data-testid="document-files">
      {groups.map((g) => (
        <div key={g.label}>
          {g.label}:
          <AttachmentFiles
            files={g.files}
            label={`${document.projectId} ${g.label}`}
            projectId={document.projectId}
          />
        </div>
      ))}
    </div>
  );
}
