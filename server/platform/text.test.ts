import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchKey, segmentWords } from './text.ts';

test('searchKey folds case, diacritics and đ so that any spelling of a name matches', () => {
  assert.equal(searchKey('Thanh Chương'), 'thanh chuong');
  assert.equal(searchKey('THANH CHƯƠNG'), 'thanh chuong');
  assert.equal(searchKey('Thanh Chuong'), 'thanh chuong');
  assert.equal(searchKey('Huyện Đức Thọ'), 'huyen duc tho');
  assert.equal(searchKey('ĐẮK LẮK'), 'dak lak');
  // Decomposed input (as some keyboards send it) gives the same key as composed input.
  assert.equal(searchKey('Thanh Chương'.normalize('NFD')), 'thanh chuong');
  // Old-style and new-style tone placement fold to the same key.
  assert.equal(searchKey('Hoà'), searchKey('Hòa'));
});

test('searchKey collapses whitespace and treats punctuation as a word break', () => {
  assert.equal(searchKey('  Thanh \t\n Chương  '), 'thanh chuong');
  assert.equal(searchKey('Tỉnh Bà Rịa – Vũng Tàu'), 'tinh ba ria vung tau');
  assert.equal(searchKey('  '), '');
});

test('searchKey keeps Chinese as it is and joins several names, without duplicates', () => {
  assert.equal(searchKey('凤冈县'), '凤冈县');
  assert.equal(searchKey('Huyện Thanh Chương', '清漳县', 'Thanh Chuong District', 'huyen thanh chuong'),
    'huyen thanh chuong | 清漳县 | thanh chuong district');
  assert.equal(searchKey(), '');
  assert.equal(searchKey('', 'Nghệ An'), 'nghe an');
});

test('segmentWords splits Chinese into words and keeps Vietnamese syllables', () => {
  assert.equal(segmentWords('我想平整林地建房，可以吗？'), '我想 平整 林地 建 房 可以 吗');
  assert.equal(segmentWords('Tôi muốn san lấp đất rừng để làm nhà.'), 'Tôi muốn san lấp đất rừng để làm nhà');
  assert.equal(segmentWords('12343 hotline: 需要什么手续'), '12343 hotline 需要 什么 手续');
  assert.equal(segmentWords(' ,.!'), '');
});
