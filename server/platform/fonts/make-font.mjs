/**
 * Makes report-sans.otf, the font the server's PDFs embed by default (platform/pdf.ts): Noto Sans
 * CJK SC Regular cut down to the characters a report of Viet Nam or China prints — ASCII, Latin with every
 * Vietnamese letter, punctuation and symbols, the 3,755 common Hanzi of GB 2312 (level 1) and every
 * character of the web app's texts (web/locales). About 2 MB; the
 * PDF embeds only the glyphs it uses. A deployment whose names use rarer characters sets
 * ZD_REPORT_FONT to a complete font (docs/REPORTS.md).
 *
 * Run by hand when the character set changes (not part of the build), from a folder where
 * `npm install --no-save subset-font@2.9.0` was run, with fonts-noto-cjk installed:
 *   node make-font.mjs /path/to/the/repository
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const source = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const face = 'NotoSansCJKsc-Regular';
const repository = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..'));
const here = path.join(repository, 'server/platform/fonts');

/** One face of a TrueType/OpenType collection as a font file of its own. */
function faceOf(ttc, wanted) {
  const faces = ttc.readUInt32BE(8);
  for (let f = 0; f < faces; f++) {
    const at = ttc.readUInt32BE(12 + 4 * f);
    const numTables = ttc.readUInt16BE(at + 4);
    const tables = [];
    for (let t = 0; t < numTables; t++) {
      const r = at + 12 + 16 * t;
      tables.push({ tag: ttc.toString('latin1', r, r + 4), checksum: ttc.readUInt32BE(r + 4), offset: ttc.readUInt32BE(r + 8), length: ttc.readUInt32BE(r + 12) });
    }
    const name = tables.find((t) => t.tag === 'name');
    const names = ttc.subarray(name.offset, name.offset + name.length);
    if (!names.includes(Buffer.from(wanted, 'utf16le').swap16())) continue;
    const header = Buffer.alloc(12 + 16 * numTables);
    ttc.copy(header, 0, at, at + 12);
    let offset = header.length;
    const bodies = [];
    tables.forEach((t, i) => {
      header.write(t.tag, 12 + 16 * i, 'latin1');
      header.writeUInt32BE(t.checksum, 12 + 16 * i + 4);
      header.writeUInt32BE(offset, 12 + 16 * i + 8);
      header.writeUInt32BE(t.length, 12 + 16 * i + 12);
      const padded = Buffer.alloc(Math.ceil(t.length / 4) * 4);
      ttc.copy(padded, 0, t.offset, t.offset + t.length);
      bodies.push(padded);
      offset += padded.length;
    });
    return Buffer.concat([header, ...bodies]);
  }
  throw new Error(`${wanted} not found in ${source}`);
}

function characters() {
  const chars = new Set();
  const range = (a, b) => {
    for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  };
  range(0x20, 0x7e); // ASCII
  range(0xa0, 0x24f); // Latin-1, Latin Extended-A and B (ơ, ư, đ …)
  range(0x300, 0x36f); // combining marks
  range(0x1e00, 0x1eff); // Latin Extended Additional: ạ, ế, ự …
  range(0x2000, 0x206f); // general punctuation
  range(0x2070, 0x20cf); // super/subscripts, currency (₫, ¥ …)
  range(0x2100, 0x214f); // letterlike symbols (№)
  range(0x2190, 0x21ff); // arrows
  range(0x2200, 0x22ff); // mathematical operators (≥, ≤, −)
  range(0x2460, 0x24ff); // enclosed numbers
  range(0x2500, 0x25ff); // box drawing, shapes
  range(0x3000, 0x303f); // CJK punctuation
  range(0xff00, 0xffef); // full-width forms
  const gb = new TextDecoder('gb18030');
  let common = '';
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) common += gb.decode(Uint8Array.of(hi, lo));
  for (let hi = 0xa1; hi <= 0xa9; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) chars.add(gb.decode(Uint8Array.of(hi, lo)));
  for (const c of common) chars.add(c);
  const locales = path.join(repository, 'web/locales');
  for (const file of fs.readdirSync(locales)) for (const c of fs.readFileSync(path.join(locales, file), 'utf8')) if (c.codePointAt(0) >= 0x20) chars.add(c);
  chars.delete('\ufffd');
  return [...chars].join('');
}

const font = faceOf(fs.readFileSync(source), face);
const text = characters();
const subset = await subsetFont(font, text, { targetFormat: 'sfnt' });
fs.writeFileSync(path.join(here, 'report-sans.otf'), subset);
console.log(`${[...text].length} characters, ${subset.length} bytes`);
