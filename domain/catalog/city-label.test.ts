import { describe, expect, it } from 'vitest';
import { EXECUTOR_LABELS } from '../documents/common';
import { cityShortName, executorLabelsFor } from './city-label';
import { seoulMinseon7Catalog } from './load';

describe('cityShortName', () => {
  it('gives Seoul the form’s own 서울시, so the built-in list reads as the official form', () => {
    expect(executorLabelsFor(seoulMinseon7Catalog.city)).toEqual(EXECUTOR_LABELS);
  });

  it('shortens metropolitan cities and special provinces, and keeps a 시, 군, 구 or 도 as written', () => {
    expect(
      ['부산광역시', '세종특별자치시', '제주특별자치도', '수원시', '양평군', '강남구', '경기도'].map(
        cityShortName,
      ),
    ).toEqual(['부산시', '세종시', '제주도', '수원시', '양평군', '강남구', '경기도']);
  });
});
