import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../catalog-data';

/** The built `pledge` CLI and the example documents, for preparing a department's data outside the app. */

const root = join(import.meta.dirname, '..', '..');
const cliPath = join(root, 'bin', 'pledge.mjs');

export function pledge(...args: string[]): string {
  return execFileSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function pledgeJson<T>(...args: string[]): T {
  return JSON.parse(pledge(...args, '--json')) as T;
}

export const sha256Of = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

/** A shipped example document as a draft without its attachments (their bytes are not shipped). */
function exampleDraft(file: string): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(join(root, 'docs', 'examples', file), 'utf8')) as Record<
    string,
    unknown
  >;
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        if (key === 'attachments' && Array.isArray(obj[key])) obj[key] = [];
        else strip(obj[key]);
      }
    }
  };
  strip(doc);
  doc.lifecycle = 'draft';
  return doc;
}

/**
 * The shipped example plan (1-1-1, 경제진흥본부) as a draft without its attachment: the attachment's bytes are
 * not shipped, and a document citing a missing attachment is refused from bundles.
 */
export function examplePlan(
  overrides: { projectId?: string; policyGoal?: string } = {},
): Record<string, unknown> {
  const plan = exampleDraft('execution-plan.json');
  if (overrides.projectId) {
    const project = catalog.projects.find((p) => p.id === overrides.projectId);
    if (!project) throw new Error(`no project ${overrides.projectId} in the catalog`);
    plan.projectId = project.id;
    plan.projectName = project.name;
  }
  if (overrides.policyGoal !== undefined) plan.policyGoal = overrides.policyGoal;
  return plan;
}

/** The shipped example 관리카드 (1-1-1, 2019-H1, 경제진흥본부) as a draft without its attachments. */
export function exampleCard(): Record<string, unknown> {
  return exampleDraft('management-card.json');
}

export interface PreparedDepartment {
  dataDir: string;
  enrollmentPath: string;
  keyId: string;
  fingerprint: string;
  bundlePath: string;
  bundleSha256: string;
  documentPaths: string[];
}

/** A department copy made entirely with the CLI: key, enrollment file, one plan, one signed bundle. */
export function prepareDepartment(dir: string, department: string): PreparedDepartment {
  const dataDir = join(dir, 'department-data');
  pledge('setup', '--data', dataDir, '--role', 'department', '--department', department);
  pledge('keys', 'init', '--data', dataDir);
  const enrollmentPath = join(dir, 'enrollment.pledgekey.json');
  const enrollment = pledgeJson<{ keyId: string; fingerprint: string }>(
    'keys',
    'export',
    '--data',
    dataDir,
    '--out',
    enrollmentPath,
  );
  const planPath = join(dir, 'plan-1-1-1.json');
  writeFileSync(planPath, JSON.stringify(examplePlan()));
  pledge('draft', 'import', '--data', dataDir, planPath);
  const bundlePath = join(dir, 'bundles', 'submission-plan-r1.pledge');
  const exported = pledgeJson<{ documents: { path: string }[] }>(
    'bundle',
    'export',
    '--data',
    dataDir,
    '--period',
    'plan',
    '--out',
    bundlePath,
  );
  return {
    dataDir,
    enrollmentPath,
    keyId: enrollment.keyId,
    fingerprint: enrollment.fingerprint,
    bundlePath,
    bundleSha256: sha256Of(bundlePath),
    documentPaths: exported.documents.map((d) => d.path),
  };
}

/** A CLI run on a given clock (PLEDGE_NOW): each run starts its clock anew. */
export function pledgeAt(clock: string, ...args: string[]): string {
  return execFileSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PLEDGE_NOW: clock },
  });
}

/**
 * An office and a department copy made with the CLI, keys exchanged and approved a week before `now`, and the
 * steps of 접수 확인: the department sends 2019-H1 재정집행 files, the office imports them and makes packages.
 */
export function officeAndDepartment(scratch: string, department: string, now: string) {
  const at = (...args: string[]) => pledgeAt(now, ...args);
  const before = (...args: string[]) => pledgeAt('2019-07-03T09:00:00+09:00', ...args);
  const deptDir = join(scratch, 'department');
  const officeDir = join(scratch, 'office');
  before('setup', '--data', deptDir, '--role', 'department', '--department', department);
  before('keys', 'init', '--data', deptDir);
  const deptKey = JSON.parse(
    before('keys', 'export', '--data', deptDir, '--out', join(scratch, 'dept.json'), '--json'),
  ) as { keyId: string };
  before('setup', '--data', officeDir, '--role', 'office');
  before('keys', 'init', '--data', officeDir);
  before('keys', 'export', '--data', officeDir, '--out', join(scratch, 'office.json'));
  before('keys', 'import', '--data', officeDir, join(scratch, 'dept.json'));
  before('keys', 'approve', '--data', officeDir, deptKey.keyId);
  before('keys', 'import', '--data', deptDir, join(scratch, 'office.json'));

  const finance = JSON.parse(
    readFileSync(join(root, 'docs', 'examples', 'finance-row.json'), 'utf8'),
  ) as Record<string, unknown>;
  const draft = join(scratch, 'finance.json');
  return {
    deptDir,
    officeDir,
    /** The department saves its 2019-H1 finance row with this 비고 and exports a file to `out`. */
    send(note: string, out: string): void {
      writeFileSync(draft, JSON.stringify({ ...finance, lifecycle: 'draft', note }));
      at('draft', 'import', '--data', deptDir, draft);
      at('bundle', 'export', '--data', deptDir, '--period', '2019-H1', '--out', out);
    },
    /** The office imports a file at `clock`; what it accepted. */
    officeImports(clock: string, file: string): unknown[] {
      return (
        JSON.parse(pledgeAt(clock, 'import', '--data', officeDir, file, '--json')) as { accepted: unknown[] }
      ).accepted;
    },
    /** The office makes a baseline package at `clock`. */
    packageAt(clock: string, out: string): void {
      pledgeAt(clock, 'baseline', 'export', '--data', officeDir, '--out', out);
    },
  };
}
