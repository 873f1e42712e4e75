import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seoulMinseon7Catalog } from '../../../domain/catalog/load';
import { examples } from '../../../domain/documents/test-fixtures';
import { generateKeyPair } from '../../bundles/index';
import { registerApprovedKey, sha256Hex, signSubmission } from '../bundle-test-support';
import type { AppContext } from '../context';

/**
 * A folder of `count` signed submission files from lead departments (`count`, 8 unless told, from the `from`-th in
 * the catalog) whose keys the office approves: each
 * department's chain of 재정집행현황 files, named so that the folder's order is each chain's order (every file
 * continues its chain, so the import commits them as it goes, in batches).
 */
export async function writeChainedFolder(
  office: AppContext,
  folder: string,
  count: number,
  departments: { count?: number; from?: number } = {},
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const from = departments.from ?? 0;
  const leads = [...new Set(seoulMinseon7Catalog.projects.map((p) => p.leadDepartment))].slice(
    from,
    from + (departments.count ?? 8),
  );
  const senders = await Promise.all(
    leads.map(async (department) => {
      const pair = generateKeyPair();
      await registerApprovedKey(office, department, pair.publicKeyPem);
      const project = seoulMinseon7Catalog.projects.find((p) => p.leadDepartment === department);
      if (project === undefined) throw new Error(`no project led by ${department}`);
      return { department, pair, projectId: project.id, revision: 0, previous: null as string | null };
    }),
  );
  for (let i = 0; i < count; i++) {
    const sender = senders[i % senders.length];
    if (sender === undefined) throw new Error('no departments');
    sender.revision += 1;
    const bytes = await signSubmission(sender.pair.privateKeyPem, {
      department: sender.department,
      period: '2019-H1',
      revision: sender.revision,
      previousBundleSha256: sender.previous,
      createdAt: new Date(Date.UTC(2019, 5, 1) + i * 1000).toISOString(),
      documents: [
        {
          path: `documents/finance-${sender.projectId}-2019-H1.json`,
          json: {
            ...structuredClone(examples.financeRowJson),
            projectId: sender.projectId,
            department: sender.department,
            periodId: '2019-H1',
            note: `r${sender.revision}`,
          },
        },
      ],
    });
    sender.previous = sha256Hex(bytes);
    writeFileSync(join(folder, `${String(i).padStart(5, '0')}.pledge`), bytes);
  }
}
