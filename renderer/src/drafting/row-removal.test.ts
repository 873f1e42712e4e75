import { describe, expect, it } from 'vitest';
import { holdsContent, removalQuestion } from './row-removal';

describe('holdsContent', () => {
  it('counts typed text, numbers and files, not blanks or the 직위 every contact row starts with', () => {
    const contact = { position: 'chief', unit: '', name: '', phone: ' ' };
    expect(holdsContent(contact, ['position'])).toBe(false);
    expect(holdsContent({ ...contact, phone: '02-2133-5000' }, ['position'])).toBe(true);
    // 협조부서: its own name blank, but a contact of it typed.
    const dept = { department: '', contacts: [contact, { ...contact, name: '최유진' }] };
    expect(holdsContent(dept, ['position'])).toBe(true);
    expect(holdsContent({ department: '', contacts: [contact] }, ['position'])).toBe(false);
    // 활동: blank text, no count, no dates is empty; a count alone is not.
    expect(holdsContent({ description: '', count: null, dates: [] })).toBe(false);
    expect(holdsContent({ description: '', count: 2, dates: [] })).toBe(true);
    expect(holdsContent({ description: '', count: null, dates: ['2018-09'] })).toBe(true);
    // A file reference always holds something.
    expect(
      holdsContent({ sha256: 'a'.repeat(64), name: 'a.pdf', mediaType: 'application/pdf', size: 0 }),
    ).toBe(true);
  });
});

describe('removalQuestion', () => {
  it('names the row with the right particle, and only the start of a long name', () => {
    expect(removalQuestion('변경 2', '사업기간 연장', '구분, 당초 공약과 변경안이 모두 지워집니다.')).toBe(
      "변경 2 '사업기간 연장'을 삭제할까요? 구분, 당초 공약과 변경안이 모두 지워집니다.",
    );
    expect(removalQuestion('담당자 1', '', '소속, 이름과 전화번호가 지워집니다.')).toBe(
      '담당자 1을 삭제할까요? 소속, 이름과 전화번호가 지워집니다.',
    );
    expect(removalQuestion('활동 3', '가'.repeat(40), '내용이 지워집니다.')).toBe(
      `활동 3 '${'가'.repeat(30)}…'를 삭제할까요? 내용이 지워집니다.`,
    );
  });
});
