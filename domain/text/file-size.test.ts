import { describe, expect, it } from 'vitest';
import { sizeText, tooLargeMessage } from './file-size';

describe('file sizes in messages', () => {
  it('reads as MB, KB or bytes', () => {
    expect(sizeText(600 * 1024 * 1024)).toBe('600.0MB');
    expect(sizeText(100 * 1024 * 1024 + 1)).toBe('100.0MB');
    expect(sizeText(2049)).toBe('3KB');
    expect(sizeText(12)).toBe('12바이트');
  });

  it('names the file kind, its size, the limit and what to check', () => {
    expect(tooLargeMessage('제출 파일', 629_145_600, 100 * 1024 * 1024)).toBe(
      '파일이 너무 큽니다 (600.0MB): 제출 파일은 100.0MB까지 읽습니다. 고른 파일이 제출 파일이 맞는지 확인하세요.',
    );
    expect(tooLargeMessage('기준 자료', 200 * 1024 * 1024, 100 * 1024 * 1024)).toBe(
      '파일이 너무 큽니다 (200.0MB): 기준 자료는 100.0MB까지 읽습니다. 고른 파일이 기준 자료가 맞는지 확인하세요.',
    );
  });
});
