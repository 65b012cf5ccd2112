import { it } from 'node:test';
import assert from 'node:assert/strict';
import { leaksPersonalData, redacted, scrubPersonalData } from './knowledge.scrub.ts';

const vi = {
  names: ['Nguyễn Văn Hùng'],
  phones: ['0987654321'],
  emails: ['hung.nv@mail.vn'],
  addresses: ['Số 45/2 đường Trần Phú, khối 10, phường Hưng Nguyên'],
};
const zh = {
  names: ['王曉明'],
  phones: ['+86 138 1234 5678'],
  emails: [],
  addresses: ['贵州省遵义市凤冈县龙泉镇和平路18号3单元'],
};

it('removes the names residents gave, in every writing', () => {
  for (const form of ['Nguyễn Văn Hùng', 'NGUYỄN VĂN HÙNG', 'nguyen van hung', 'Nguyen Van Hung', 'ông Hùng', 'anh Hùng', 'Văn Hùng', 'ông Nguyễn']) {
    const out = scrubPersonalData(`Trả lời ${form}: hồ sơ đã đủ.`, vi);
    assert.equal(out, `Trả lời ${redacted}: hồ sơ đã đủ.`, form);
  }
  for (const form of ['王曉明', '王晓明', '王先生', '晓明', '曉明', '老王']) {
    assert.ok(!scrubPersonalData(`${form}您好，材料已收到。`, zh).includes(form), form);
  }
  // Ordinary words that are also names stay: "Hùng" alone is not removed from "hùng vĩ".
  assert.equal(scrubPersonalData('Cảnh núi hùng vĩ.', vi), 'Cảnh núi hùng vĩ.');
});

it('removes phone numbers in many forms, e-mail addresses and identity numbers', () => {
  const forms = ['0987654321', '0987 654 321', '0987.654.321', '098-765-4321', '+84 987 654 321', '+84987654321', '84 987654321', '0084 987 654 321', '(+84) 987.654.321'];
  for (const form of forms) {
    const out = scrubPersonalData(`Gọi ${form} nhé`, vi);
    assert.equal(out.replace(/\D/g, ''), '', `${form} → ${out}`);
  }
  for (const form of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '0086 13812345678']) {
    assert.equal(scrubPersonalData(`电话${form}。`, zh), `电话${redacted}。`, form);
  }
  // Any phone or identity number, not only the residents' own.
  assert.equal(scrubPersonalData('CCCD 040190012345, số khác 0912 000 111', vi), `CCCD ${redacted}, số khác ${redacted}`);
  assert.equal(scrubPersonalData('身份证 520327199003151234', zh), `身份证 ${redacted}`);
  assert.equal(scrubPersonalData('Email HUNG.NV@mail.vn hoặc other@x.org', vi), `Email ${redacted} hoặc ${redacted}`);
  // Ordinary numbers stay: fees, dates, time limits.
  assert.equal(scrubPersonalData('Lệ phí 25.000 đồng, trong 15 ngày, từ 01/07/2025.', vi), 'Lệ phí 25.000 đồng, trong 15 ngày, từ 01/07/2025.');
});

it('removes the address and its house and street parts, with or without diacritics', () => {
  for (const form of ['Số 45/2 đường Trần Phú', 'so 45/2 duong Tran Phu', 'đường Trần Phú', 'nhà số 45/2']) {
    const out = scrubPersonalData(`Nhà ở ${form}, khối 10.`, vi);
    assert.ok(!/tran phu|trần phú|45/i.test(out), `${form} → ${out}`);
  }
  const out = scrubPersonalData('您家在和平路18号3单元，已派人查看。凤冈县的其他住户不受影响。', zh);
  assert.ok(!out.includes('和平路') && !out.includes('18号'), out);
  assert.ok(out.includes('凤冈县的其他住户'), 'the county is not personal');
});

it('says whether a text still leaks', () => {
  assert.equal(leaksPersonalData('Hồ sơ tách hộ gồm tờ khai.', vi), false);
  assert.equal(leaksPersonalData('Anh Hùng ở đường Tran Phu', vi), true);
});
