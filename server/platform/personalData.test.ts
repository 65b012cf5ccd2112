import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cnResidentIdValid, findPersonalNumbers, maskPersonalData } from './personalData.ts';

const kinds = (text: string) => findPersonalNumbers(text).map((f) => [f.kind, f.text]);

test('a Chinese resident identity number is recognised by its ISO 7064 MOD 11-2 check character', () => {
  assert.equal(cnResidentIdValid('11010519491231002X'), true, 'the standard\'s own example, check character X');
  assert.equal(cnResidentIdValid('11010519491231002x'), true);
  assert.equal(cnResidentIdValid('520327199003151234'), true);
  assert.equal(cnResidentIdValid('520327199003151235'), false, 'one digit off');
  assert.equal(cnResidentIdValid('11010519491231002'), false, '17 characters');
  // 18 digits whose last is not the check digit: an order number, not a person.
  assert.deepEqual(kinds('订单号 520327199003151235'), []);
  assert.deepEqual(kinds('身份证号520327199003151234，'), [['cn_resident_id', '520327199003151234']]);
  assert.deepEqual(kinds('ID 5203 2719 9003 1512 34'), [['cn_resident_id', '5203 2719 9003 1512 34']]);
});

test('mobile numbers and Vietnamese citizen identity numbers, as people write them', () => {
  assert.deepEqual(kinds('电话13812345678'), [['cn_mobile', '13812345678']], 'Chinese runs into the number without a space');
  assert.deepEqual(kinds('+86 138-1234-5678 或 008613812345678'), [
    ['cn_mobile', '+86 138-1234-5678'],
    ['cn_mobile', '008613812345678'],
  ]);
  assert.deepEqual(kinds('gọi 0912 345 678, 0912.345.678 hoặc +84 912 345 678'), [
    ['vn_mobile', '0912 345 678'],
    ['vn_mobile', '0912.345.678'],
    ['vn_mobile', '+84 912 345 678'],
  ]);
  assert.deepEqual(kinds('CCCD số 001099012345.'), [['vn_citizen_id', '001099012345']]);
  // Not personal: a 12-digit number outside the province codes, a longer number, a code with letters, a fixed line.
  assert.deepEqual(kinds('mã hồ sơ 123456789012, 0912345678901, HS0912345678, 0238 3844 555'), []);
});

test('masking keeps the first three digits and the last two, and the rest of the text', () => {
  assert.equal(
    maskPersonalData('我的身份证号11010519491231002X，电话 138 1234 5678，住临江村三组。'),
    '我的身份证号110*************2X，电话 138 **** **78，住临江村三组。',
  );
  assert.equal(maskPersonalData('Gọi +84 912 345 678 hoặc CCCD 001099012345'), 'Gọi +84 912 *** *78 hoặc CCCD 001*******45');
  const plain = 'Đường 46 đoạn km 12 bị sạt lở từ ngày 15/3/2023.';
  assert.equal(maskPersonalData(plain), plain);
});

test('the shortest personal number, ten digits, is found alone in a text; nine digits are not a number', () => {
  assert.deepEqual(kinds('0912345678'), [['vn_mobile', '0912345678']]);
  assert.deepEqual(kinds('SĐT: 0912 345 678.'), [['vn_mobile', '0912 345 678']]);
  assert.deepEqual(kinds('gọi 0912 345 67 nhé'), []);
  assert.equal(maskPersonalData('phòng 12, tổ 3, năm 2024'), 'phòng 12, tổ 3, năm 2024');
});
