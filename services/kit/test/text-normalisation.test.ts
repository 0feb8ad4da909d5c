import { check, likeContains, ValidationError } from '../src';

describe('free text', () => {
  it('trims, and may be empty', () => {
    expect(check.freeText('description', '  会议室可容纳 30 人 \n', 100)).toBe('会议室可容纳 30 人');
    expect(check.freeText('description', null, 100)).toBe('');
    expect(check.freeText('description', '   ', 100)).toBe('');
  });

  it('counts characters, not UTF-16 units, and refuses more than the maximum naming the field', () => {
    expect(check.freeText('reason', '𠀋'.repeat(3), 3)).toBe('𠀋𠀋𠀋');
    expect(() => check.freeText('reason', '长'.repeat(4), 3)).toThrow(new ValidationError('reason', 'reason must be at most 3 characters'));
  });
});

describe('optional names', () => {
  it('are null when missing or blank, trimmed otherwise', () => {
    expect(check.optionalName('place', undefined, 200)).toBeNull();
    expect(check.optionalName('place', ' \t ', 200)).toBeNull();
    expect(check.optionalName('place', ' 社区活动中心 ', 200)).toBe('社区活动中心');
  });

  it('refuse a name longer than the maximum as names do', () => {
    expect(() => check.optionalName('ethnicity', '汉'.repeat(21), 20)).toThrow(
      new ValidationError('ethnicity', 'ethnicity must be 1 to 20 characters'),
    );
  });
});

describe('search text', () => {
  it('is trimmed, and blank means no filter', () => {
    expect(check.searchText('nameContains', ' 王 ', 50)).toBe('王');
    expect(check.searchText('nameContains', '  ', 50)).toBeNull();
    expect(check.searchText('nameContains', undefined, 50)).toBeNull();
    expect(() => check.searchText('nameContains', '王'.repeat(51), 50)).toThrow(
      new ValidationError('nameContains', 'nameContains must be at most 50 characters'),
    );
  });
});

describe('likeContains', () => {
  it('wraps the text in % and escapes LIKE metacharacters so they match themselves', () => {
    expect(likeContains('王')).toBe('%王%');
    expect(likeContains('100%')).toBe('%100\\%%');
    expect(likeContains('a_b')).toBe('%a\\_b%');
    expect(likeContains('C:\\')).toBe('%C:\\\\%');
    expect(likeContains('%_\\')).toBe('%\\%\\_\\\\%');
  });
});
