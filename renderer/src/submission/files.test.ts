// Runs in Node, whose File is the browser’s (size, text, arrayBuffer).
import { describe, expect, it } from 'vitest';
import { readAsBase64, readKeyFileText } from './files';

/** A chosen file that says it is `size` bytes (as a 600 MB file picked by mistake does), holding a few bytes. */
function fileOfSize(name: string, size: number): File {
  const file = new File(['{}'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('reading a chosen file', () => {
  it('refuses one larger than its kind can be, in Korean and before reading it', async () => {
    await expect(readAsBase64(fileOfSize('영상.mp4', 600 * 1024 * 1024), '기준 자료')).rejects.toThrow(
      '파일이 너무 큽니다 (600.0MB): 기준 자료는 100.0MB까지 읽습니다. 고른 파일이 기준 자료가 맞는지 확인하세요.',
    );
    await expect(readKeyFileText(fileOfSize('키.json', 5 * 1024 * 1024))).rejects.toThrow(
      '파일이 너무 큽니다 (5.0MB): 키 등록 파일은 1.0MB까지 읽습니다.',
    );
  });

  it('reads one within the limit', async () => {
    expect(await readAsBase64(new File(['가'], 'a.pledge'), '제출 파일')).toBe(
      Buffer.from('가').toString('base64'),
    );
    expect(await readKeyFileText(new File(['{"a":1}'], 'k.json'))).toBe('{"a":1}');
  });
});
