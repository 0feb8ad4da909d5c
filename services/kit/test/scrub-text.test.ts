import { luhnValid, PLACEHOLDERS, scrubText } from '../src/privacy';

/** GB 11643: the check character of the first 17 digits (computed here, so the examples are real ID numbers). */
function withCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The digits followed by the one check digit that makes them pass the Luhn check. */
function withLuhnDigit(digits: string): string {
  const digit = [...'0123456789'].find((d) => luhnValid(digits + d))!;
  return digits + digit;
}

/** The digits followed by a last digit that fails the Luhn check. */
function failingLuhn(digits: string): string {
  return digits + [...'0123456789'].find((d) => !luhnValid(digits + d))!;
}

const ID_X = withCheckCharacter('11010519491231002'); // ends in X
const ID_DIGIT = withCheckCharacter('44030619900307451'); // ends in a digit
const CARD_16 = withLuhnDigit('622202123456789');
const CARD_19 = withLuhnDigit('621700123456789012');
const { phone: PHONE, idNumber: ID, bankCard: CARD, email: EMAIL, name: NAME } = PLACEHOLDERS;

it('the example numbers are what they claim to be', () => {
  expect(ID_X).toBe('11010519491231002X');
  expect(ID_DIGIT).toMatch(/^\d{18}$/);
  expect([luhnValid(CARD_16), luhnValid(CARD_19), CARD_16.length, CARD_19.length]).toEqual([true, true, 16, 19]);
  expect(luhnValid(failingLuhn('622202123456789'))).toBe(false);
});

describe('replaces mainland mobile numbers', () => {
  it.each([
    ['联系电话 13812345678', `联系电话 ${PHONE}`],
    ['手机:19912345678。', `手机:${PHONE}。`],
    ['138-1234-5678', PHONE],
    ['138 1234 5678', PHONE],
    ['+86 138 1234 5678', PHONE],
    ['+8613812345678', PHONE],
    ['008613812345678', PHONE],
    ['8613812345678', PHONE],
    ['(+86)13812345678', PHONE],
    ['（＋８６）１３８１２３４５６７８', PHONE], // full-width, as a Chinese input method types it
    ['138\u200b1234\u200b5678', PHONE], // zero-width spaces inside
    ['王师傅13812345678李师傅15987654321', `王师傅${PHONE}李师傅${PHONE}`],
    ['Tel:17712345678;', `Tel:${PHONE};`],
  ])('%s', (text, expected) => expect(scrubText(text)).toBe(expected));
});

describe('replaces landline numbers', () => {
  it.each([
    ['办公室 010-87654321', `办公室 ${PHONE}`],
    ['(010)87654321', PHONE],
    ['（010）87654321', PHONE],
    ['0755-2345678', PHONE],
    ['0571 8765 4321', PHONE],
    ['02187654321', PHONE],
    ['021-8765-4321', PHONE],
    ['+86 10 8765 4321', PHONE],
    ['+86-755-23456789', PHONE],
    ['010-87654321转123', PHONE],
    ['010-87654321-8001', PHONE],
    ['0755-2345678 ext. 12', PHONE],
    ['联系电话：8765 4321', `联系电话：${PHONE}`],
    ['座机是2345678', `座机是${PHONE}`],
    ['电话号码 87654321', `电话号码 ${PHONE}`],
    ['tel 8765-4321', `tel ${PHONE}`],
  ])('%s', (text, expected) => expect(scrubText(text)).toBe(expected));
});

describe('replaces resident ID numbers (GB 11643), with or without a right check character, and the old 15-digit form', () => {
  it.each([
    [`身份证号 ${ID_X}`, `身份证号 ${ID}`],
    [`身份证号 ${ID_X.toLowerCase()}`, `身份证号 ${ID}`],
    [`证件${ID_DIGIT}号`, `证件${ID}号`],
    ['110105194912310021', ID], // wrong check character: still someone's ID number
    ['11010519491231002', ID], // the check character left off
    ['110105 19491231 002X', ID],
    ['110105-19491231-002X', ID],
    ['110105491231002', ID], // 15 digits: born 1949-12-31
    ['身份证：320102800101123', `身份证：${ID}`],
    ['８１０００019800229123X', ID], // Hong Kong residence permit, born on a 29 February that existed
    [`${ID_X}与${ID_DIGIT}`, `${ID}与${ID}`],
  ])('%s', (text, expected) => expect(scrubText(text)).toBe(expected));
});

describe('replaces bank card numbers that pass the Luhn check (16 to 19 digits)', () => {
  it.each([
    [`卡号 ${CARD_16}`, `卡号 ${CARD}`],
    [`卡号${CARD_19}。`, `卡号${CARD}。`],
    [CARD_16.replace(/(\d{4})(?=\d)/g, '$1 '), CARD],
    [CARD_16.replace(/(\d{4})(?=\d)/g, '$1-'), CARD],
    [CARD_19.replace(/(\d{4})(?=\d)/g, '$1 '), CARD],
    [`${CARD_19.slice(0, 6)} ${CARD_19.slice(6)}`, CARD],
  ])('%s', (text, expected) => expect(scrubText(text)).toBe(expected));
});

describe('replaces e-mail addresses', () => {
  it.each([
    ['发至 zhang.san@example.com', `发至 ${EMAIL}`],
    ['zhangsan+party@mail.example.com.cn；', `${EMAIL}；`],
    ['QQ邮箱12345678@qq.com', `QQ邮箱${EMAIL}`],
    ['13812345678@139.com', EMAIL], // the mailbox, not a phone number and a stray domain
    ['ＬＩ＿ＷＥＩ＠ＥＸＡＭＰＬＥ．ＣＮ', EMAIL],
  ])('%s', (text, expected) => expect(scrubText(text)).toBe(expected));
});

describe('replaces the names of the people concerned', () => {
  const names = ['王建国', '欧阳娜娜', '阿依古丽·买买提', 'Li Wei', '张'];
  it.each([
    ['联络员王建国调离，无法继续', `联络员${NAME}调离，无法继续`],
    ['王 建 国', NAME],
    ['欧阳娜娜和欧阳', `${NAME}和欧阳`],
    ['阿依古丽·买买提、阿依古丽•买买提、阿依古丽买买提', `${NAME}、${NAME}、${NAME}`],
    ['Li Wei, LI-WEI and liwei', `${NAME}, ${NAME} and ${NAME}`],
    ['Oliwei and Li Weiss stay', 'Oliwei and Li Weiss stay'],
    ['张老师 and 张家', '张老师 and 张家'], // a one-character name is not looked for
  ])('%s', (text, expected) => expect(scrubText(text, { names })).toBe(expected));

  it('looks for no name when none is given', () => {
    expect(scrubText('联络员王建国调离')).toBe('联络员王建国调离');
  });
});

describe('leaves dates, times, amounts, counts, codes and ids alone', () => {
  it.each([
    '2026-05-18',
    '2026/5/18',
    '20260518',
    '2026年5月18日 09:30-11:30',
    '2026-05-18T09:30:00+08:00',
    '2024-2026年度',
    '¥1,234.56',
    '3000元',
    '经费 12,000.00 元',
    '经费 87654321 元', // eight digits, but nothing says it is a phone number
    '1234567.89',
    '120人次',
    '3号楼2单元501室',
    '第3网格',
    '邮编 100010',
    '550e8400-e29b-41d4-a716-446655440000',
    '12345678-1234-1234-1234-123456789012', // a UUID of digits only
    'AB13812345678', // inside a code
    '13812345678901', // fourteen digits: no phone number
    '1381234567', // ten digits
    '12345678901', // eleven digits not starting 13-19
    '400-800-1234', // a company hotline
    '12345 热线', // the government hotline
    '110 119 120',
    '192.168.100.200',
    '第2026001号文件',
    '110105194913310021', // month 13: not an ID number
    '990105194912310021', // no province 99
    '110105180002300021', // 30 February
    failingLuhn('622202123456789'),
    failingLuhn('621700123456789012'),
    '123456789012345', // fifteen digits, month 90
    '[PHONE] [ID_NUMBER] [BANK_CARD] [EMAIL] [NAME] [WITHHELD]',
    'name@localhost',
    '@王建国',
  ])('%s', (text) => expect(scrubText(text)).toBe(text));
});

it('keeps the text around each replacement exactly, line breaks included', () => {
  const text = `周末助老\n联系人：王建国 13812345678，身份证 ${ID_X}。\n卡 ${CARD_16} / wjg@example.cn`;
  expect(scrubText(text, { names: ['王建国'] })).toBe(`周末助老\n联系人：${NAME} ${PHONE}，身份证 ${ID}。\n卡 ${CARD} / ${EMAIL}`);
});

it('changes nothing when scrubbing scrubbed text', () => {
  const once = scrubText(`王建国 13812345678 ${ID_X} ${CARD_19} a@b.cn 010-87654321`, { names: ['王建国'] });
  expect(once).toBe(`${NAME} ${PHONE} ${ID} ${CARD} ${EMAIL} ${PHONE}`);
  expect(scrubText(once, { names: ['王建国'] })).toBe(once);
});

it('scrubs a long text quickly (no catastrophic backtracking)', () => {
  const text = `${'1 2-3 '.repeat(2000)}${'9'.repeat(5000)}${'a@'.repeat(2000)}`;
  const started = performance.now();
  scrubText(text, { names: ['王建国', 'Li Wei'] });
  expect(performance.now() - started).toBeLessThan(500);
});
