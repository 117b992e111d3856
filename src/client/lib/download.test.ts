import { describe, expect, it } from 'vitest';
import { dispositionName } from './download.js';

describe('dispositionName', () => {
  it('reads the UTF-8 name first, then the plain one', () => {
    expect(
      dispositionName(`attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('花名册.xlsx')}`),
    ).toBe('花名册.xlsx');
    expect(dispositionName('attachment; filename="a.docx"')).toBe('a.docx');
    expect(dispositionName(null)).toBeNull();
  });
});
