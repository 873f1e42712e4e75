import { describe, expect, it } from 'vitest';
import type { ReceivedBundleView } from '../../../domain/api/contract';
import { filterBundles, filterChoices, NO_FILTER } from './bundle-filter';

const bundle = (
  department: string,
  period: string,
  revision: number,
  sha256: string,
): ReceivedBundleView => ({
  sha256,
  department,
  keyId: `${sha256.slice(0, 8)}KEY`,
  period,
  revision,
  createdAt: '2019-07-01T00:00:00.000Z',
  importedAt: '2019-07-02T00:00:00.000Z',
  receivedOn: null,
  status: 'accepted',
  fileName: `공약제출_${department}_${period}_r${revision}.pledge`,
  reasonCode: '',
  reason: '',
  documents: 3,
});

const list = [
  bundle('문화본부', '2019-H1', 2, 'aa'.repeat(32)),
  bundle('경제진흥본부', 'plan', 1, 'bb'.repeat(32)),
  bundle('경제진흥본부', '2018-H2', 2, 'cc'.repeat(32)),
  bundle('문화본부', 'plan', 1, 'dd'.repeat(32)),
];

describe('received-bundle list filter', () => {
  it('keeps everything without a filter, in the order given', () => {
    expect(filterBundles(list, NO_FILTER)).toEqual(list);
  });

  it('narrows to a department, a period, or both', () => {
    expect(filterBundles(list, { ...NO_FILTER, department: '문화본부' }).map((b) => b.revision)).toEqual([
      2, 1,
    ]);
    expect(filterBundles(list, { ...NO_FILTER, period: 'plan' }).map((b) => b.department)).toEqual([
      '경제진흥본부',
      '문화본부',
    ]);
    expect(filterBundles(list, { department: '경제진흥본부', period: '2018-H2', text: '' })).toEqual([
      list[2],
    ]);
    expect(filterBundles(list, { department: '경제진흥본부', period: '2019-H1', text: '' })).toEqual([]);
  });

  it('finds text in the file name, the start of the SHA-256 or the key ID, whatever the case', () => {
    expect(filterBundles(list, { ...NO_FILTER, text: ' 2018-H2 ' })).toEqual([list[2]]);
    expect(filterBundles(list, { ...NO_FILTER, text: 'DDDD' })).toEqual([list[3]]);
    expect(filterBundles(list, { ...NO_FILTER, text: 'ccccccccKEY'.toLowerCase() })).toEqual([list[2]]);
    // Inside the hash is not a match: a hash is looked up by its start, as the lists show it.
    expect(filterBundles(list, { ...NO_FILTER, text: 'a'.repeat(63) + 'x' })).toEqual([]);
  });

  it('offers the departments in Korean order and the periods with 실천계획서 first, then by date', () => {
    expect(filterChoices(list)).toEqual({
      departments: ['경제진흥본부', '문화본부'],
      periods: ['plan', '2018-H2', '2019-H1'],
    });
  });
});
