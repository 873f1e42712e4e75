import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The soffice binary, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return candidate;
  }
  return null;
}

/** A LibreOffice user profile of its own under `workDir`: a run never touches (or waits for) the machine's. */
function throwawayProfile(workDir: string): string {
  const profile = join(workDir, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  return profile;
}

/** One headless conversion of `path` with the filter given, into `outDir` (made); returns `outDir`. */
function convert(soffice: string, profile: string, filter: string, path: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      '--headless',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      path,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return outDir;
}

/**
 * Converts every sheet of an .xlsx to CSV with LibreOffice (UTF-8, raw values, not "as shown"), in a throwaway
 * profile that recalculates formulas on load, so the totals in the output are LibreOffice's own sums.
 * Returns sheet name → CSV text.
 */
export function convertSheetsToCsv(soffice: string, xlsxPath: string, workDir: string): Map<string, string> {
  const profile = throwawayProfile(workDir);
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  // Filter options: comma, double quote, UTF-8 (76), from line 1, …, as-shown=false, all sheets (-1).
  const outDir = convert(
    soffice,
    profile,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    xlsxPath,
    join(workDir, 'csv'),
  );
  const base =
    xlsxPath
      .split('/')
      .pop()
      ?.replace(/\.xlsx$/, '') ?? '';
  const sheets = new Map<string, string>();
  for (const file of readdirSync(outDir)) {
    if (file.startsWith(`${base}-`) && file.endsWith('.csv')) {
      sheets.set(file.slice(base.length + 1, -4), readFileSync(join(outDir, file), 'utf8'));
    }
  }
  return sheets;
}

/**
 * Opens an .xlsx in LibreOffice Calc and saves it again as .xlsx (its own writer: other XML, shared strings, styles),
 * as an office that edits a file in a spreadsheet program would. Returns the path of the saved copy.
 */
export function resaveWithLibreOffice(soffice: string, xlsxPath: string, workDir: string): string {
  const profile = throwawayProfile(workDir);
  const outDir = convert(soffice, profile, 'xlsx:Calc Office Open XML', xlsxPath, join(workDir, 'resaved'));
  return join(outDir, xlsxPath.split('/').pop() ?? 'resaved.xlsx');
}
