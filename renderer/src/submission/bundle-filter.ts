import type { ReceivedBundleView } from '../../../domain/api/contract';

/** What the office narrows a received-bundle list to: one department, one period, and text in the file's names. */
export interface BundleFilter {
  /** '' for every department. */
  department: string;
  /** '' for every period; 'plan' for 실천계획서, else a half-year id ("2019-H1"). */
  period: string;
  /** Part of the file name, the SHA-256 or the key ID (case does not matter); '' for all. */
  text: string;
}

export const NO_FILTER: BundleFilter = { department: '', period: '', text: '' };

export function filterBundles(
  list: readonly ReceivedBundleView[],
  filter: BundleFilter,
): ReceivedBundleView[] {
  const text = filter.text.trim().toLowerCase();
  return list.filter(
    (b) =>
      (filter.department === '' || b.department === filter.department) &&
      (filter.period === '' || b.period === filter.period) &&
      (text === '' ||
        b.fileName.toLowerCase().includes(text) ||
        b.sha256.startsWith(text) ||
        b.keyId.toLowerCase().includes(text)),
  );
}

const koOrder = new Intl.Collator('ko');

/** The departments (Korean order) and periods (실천계획서 first, then by date) a list holds, for its selects. */
export function filterChoices(list: readonly ReceivedBundleView[]): {
  departments: string[];
  periods: string[];
} {
  const departments = [...new Set(list.map((b) => b.department))].sort(koOrder.compare);
  const periods = [...new Set(list.map((b) => b.period))].sort((a, b) =>
    a === b ? 0 : a === 'plan' ? -1 : b === 'plan' ? 1 : a < b ? -1 : 1,
  );
  return { departments, periods };
}
