// An approved 조정 keeps the request's 관련자료: 조정 내역 names each file by its SHA-256, so the office opens it
// there as it did while the request was pending; the workbook lists the names, the public report does not.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FileDownload } from '../../domain/api/contract';
import type { AttachmentRef } from '../../domain/documents';
import { importBundleInputs } from './bundle-import';
import { privateKeyOf, sha256Hex, signSubmission } from './bundle-test-support';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { officeHandlers } from './office-handlers';
import {
  basePlan,
  direct,
  LEAD,
  planDoc,
  request as reportRequest,
  useOfficeHarness,
} from './test-support/office-harness';

const h = useOfficeHarness();

const refOf = (bytes: Buffer, name: string, mediaType: string): AttachmentRef => ({
  sha256: sha256Hex(bytes),
  name,
  mediaType,
  size: bytes.length,
});

describe('승인된 조정 내역: 관련자료', () => {
  it('carries the request’s files into the approved change, each readable by its SHA-256', async () => {
    const handlers = officeHandlers(h.office);
    const plan = basePlan();
    await h.send('plan', [planDoc(plan)]);
    await handlers.confirmReceivedPlan({ projectId: plan.projectId });

    const review = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2048)]);
    const minutes = Buffer.concat([Buffer.from('HWP '), randomBytes(1024)]);
    const request = {
      kind: 'changeRequest',
      schemaVersion: 1,
      lifecycle: 'submitted',
      requestId: 'cr-evidence-1',
      projectId: plan.projectId,
      projectName: plan.projectName,
      department: LEAD,
      contact: { position: 'officer', unit: '투자창업과', name: '박지훈', phone: '02-2133-5011' },
      rows: [
        {
          category: '공약내용 (최종목표 등)',
          original: plan.policyGoal,
          proposed: `${plan.policyGoal} (조정)`,
        },
      ],
      reason: '사업 여건 변화',
      evidence: [
        { description: '전문가 검토의견', file: refOf(review, '검토의견서.pdf', 'application/pdf') },
        { description: '공청회 회의자료', file: refOf(minutes, '공청회.hwp', 'application/x-hwp') },
      ],
      decisionHistory: [{ status: 'requested', date: '2019-07-01', by: LEAD, note: '' }],
    };
    h.revision += 1;
    const bytes = await signSubmission(await privateKeyOf(h.dept), {
      department: LEAD,
      period: '2019-H1',
      revision: h.revision,
      previousBundleSha256: h.lastSha,
      documents: [{ path: `documents/change-1-1-1-${request.requestId}.json`, json: request }],
      attachments: [
        { bytes: review, mediaType: 'application/pdf' },
        { bytes: minutes, mediaType: 'application/x-hwp' },
      ],
    });
    const [result] = await importBundleInputs(h.office, [{ name: `r${h.revision}.pledge`, bytes }], direct);
    expect(result?.status).toBe('accepted');
    h.lastSha = sha256Hex(bytes);

    for (const [status, by] of [
      ['reviewing', '기획담당관'],
      ['approved', '시민공약평가단'],
    ] as const) {
      await handlers.decideChangeRequest({
        department: LEAD,
        requestId: request.requestId,
        status,
        date: '2019-07-10',
        by,
        note: '',
      });
    }

    const view = await handlers.getOfficeReport(reportRequest);
    const [approved] = view.report.changes.approved;
    expect(approved?.evidence).toEqual([
      { description: '전문가 검토의견', file: { sha256: sha256Hex(review), name: '검토의견서.pdf' } },
      { description: '공청회 회의자료', file: { sha256: sha256Hex(minutes), name: '공청회.hwp' } },
    ]);

    // What 조정 내역's 열기/내려받기 asks: the file by its hash and name, with the change's project.
    for (const [e, file] of [
      [approved?.evidence[0], review],
      [approved?.evidence[1], minutes],
    ] as const) {
      const read = await dispatch(createHandlers(h.office), 'readAttachment', {
        sha256: e?.file.sha256,
        name: e?.file.name,
        projectId: approved?.projectId,
      });
      if (!read.ok) throw new Error(read.error.message);
      const got = read.value as FileDownload;
      expect(got.fileName).toBe(e?.file.name);
      expect(Buffer.from(got.dataBase64, 'base64').equals(file)).toBe(true);
    }
  });
});
