import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seoulMinseon7Catalog } from '../domain/catalog/load';
import { examples } from '../domain/documents/test-fixtures';
import { generateKeyPair } from '../main/bundles';
import { makeTempDir } from '../db/test/temp-dir';
import { importBundles } from '../main/services/bundle-import';
import {
  makeCopy,
  registerApprovedKey,
  sha256Hex,
  signSubmission,
} from '../main/services/bundle-test-support';
import type { Verifier } from '../main/services/bundle-verify';
import { HALF_YEARS } from './office-data';

export interface BenchResult {
  bundles: number;
  seconds: number;
  perSecond: number;
  accepted: number;
  generateSeconds: number;
}

/**
 * Generates `bundles` signed submissions from several departments (a few finance rows each, chained revisions)
 * into a temporary folder, then imports the folder through the real import path (each file verified in the
 * worker thread) into a fresh office database.
 */
export async function benchImport(options: {
  bundles: number;
  departments?: number;
  verifier?: Verifier;
  log?: (line: string) => void;
}): Promise<BenchResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dir = makeTempDir('pledge-bench-');
  try {
    const office = await makeCopy(dir.path, 'office', { role: 'office' });
    try {
      const leads = [...new Set(seoulMinseon7Catalog.projects.map((p) => p.leadDepartment))].slice(
        0,
        options.departments ?? 10,
      );
      const senders = await Promise.all(
        leads.map(async (department) => {
          const pair = generateKeyPair();
          await registerApprovedKey(office, department, pair.publicKeyPem);
          const projects = seoulMinseon7Catalog.projects
            .filter((p) => p.leadDepartment === department)
            .slice(0, 3);
          return { department, pair, projects, revision: 0, previous: null as string | null };
        }),
      );

      const folder = join(dir.path, 'share');
      mkdirSync(folder, { recursive: true });
      const started = performance.now();
      for (let i = 0; i < options.bundles; i++) {
        const sender = senders[i % senders.length];
        if (!sender) throw new Error('no departments');
        sender.revision += 1;
        const period = HALF_YEARS[sender.revision % HALF_YEARS.length] ?? '2019-H1';
        const bytes = await signSubmission(sender.pair.privateKeyPem, {
          department: sender.department,
          period,
          revision: sender.revision,
          previousBundleSha256: sender.previous,
          createdAt: new Date(Date.UTC(2019, 0, 1) + i * 1000).toISOString(),
          documents: sender.projects.map((p) => ({
            path: `documents/finance-${p.id}-${period}.json`,
            json: {
              ...structuredClone(examples.financeRowJson),
              projectId: p.id,
              department: sender.department,
              periodId: period,
              note: `r${sender.revision}`,
            },
          })),
        });
        sender.previous = sha256Hex(bytes);
        writeFileSync(
          join(
            folder,
            `공약제출_${sender.department.replace(/\s+/g, '_')}_${period}_r${sender.revision}.pledge`,
          ),
          bytes,
        );
      }
      const generateSeconds = (performance.now() - started) / 1000;
      log(`제출 파일 ${options.bundles}개 생성: ${generateSeconds.toFixed(1)}초 (${senders.length}개 부서)`);

      let lastShown = -1;
      const importStarted = performance.now();
      const results = await importBundles(
        office,
        [folder],
        (done, total) => {
          const percent = Math.floor((done / total) * 100);
          if (percent !== lastShown && percent % 10 === 0) {
            lastShown = percent;
            log(`가져오기 ${done}/${total} (${percent}%)`);
          }
        },
        options.verifier ? { verifier: options.verifier } : {},
      );
      const seconds = (performance.now() - importStarted) / 1000;
      const accepted = results.filter((r) => r.status === 'accepted').length;
      const notAccepted = results.find((r) => r.status !== 'accepted');
      if (notAccepted)
        throw new Error(`가져오기 실패: ${notAccepted.file} ${notAccepted.code} ${notAccepted.reason}`);
      return {
        bundles: results.length,
        seconds,
        perSecond: results.length / seconds,
        accepted,
        generateSeconds,
      };
    } finally {
      await office.close();
    }
  } finally {
    dir.remove();
  }
}
