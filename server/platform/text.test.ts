import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { searchKey, searchWords, segmentWords } from './text.ts';

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

test('searchWords gives what segmenting then folding gives, for texts with and without Chinese', () => {
  const articles = JSON.parse(fs.readFileSync(new URL('../modules/demo/demo.articles.json', import.meta.url), 'utf8')) as unknown;
  // Every string of the demo articles (Vietnamese, Chinese, English), and texts that try the edges.
  const texts: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string') texts.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(articles);
  texts.push(
    "Don't e-mail foo_bar@example.vn: 1.5 km, 3,000đ, 50% — ĐƯỜNG ngập!!! 🙂 © x²",
    'Cống thoát nước ở thôn 3 bị tắc… (đã báo 2 lần); nhờ xã xử lý',
    'Café naïve Ǆemal ﬁsh Ⅻ ①② ½ x₂ a·b a’b 1,000.5 α-β привет мир',
    'số nhà 12², căn hộ ③',
    'Đường 46 đoạn km 12 bị sạt lở từ ngày 15/3/2023.',
    '村里路灯坏了 street light, đèn đường hỏng',
    'ไฟถนนเสีย',
    '',
    '  ,.!  ',
  );
  assert.ok(texts.length > 50);
  for (const text of texts) assert.equal(searchWords(text), searchKey(segmentWords(text)), text);
});
