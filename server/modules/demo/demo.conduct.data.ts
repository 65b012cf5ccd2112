/**
 * The codes of conduct of the articles, in Vietnamese, Chinese and English: Cẩm Tâm's 10
 * principles of contact with citizens and "5 knows, 4 increases, 4 shows, 3 no's" (article 001),
 * and Thanh Chương's "3 needs, 3 rights, 3 no's, 3 against, 3 determinations" (article 000),
 * which the district's communes inherit (demo.normSets.json). The kiosks' and the forum's ratings
 * stay here: their times are counted in days.
 */
import { Type } from 'typebox';
import { LocaleTexts, readDataFile } from '../../platform/dataFile.ts';

const DemoNormSet = Type.Object({
  unit: Type.String(),
  key: Type.String(),
  names: LocaleTexts,
  norms: Type.Array(Type.Object({ code: Type.String(), texts: LocaleTexts })),
});

export const demoNormSets = readDataFile(new URL('./demo.normSets.json', import.meta.url), Type.Array(DemoNormSet));

/** Officials with a photo in the public staff directory (drawn in code, demo.photo.ts). */
export const demoPhotos: Array<{ username: string; colour: [number, number, number] }> = [
  { username: 'thanhnho.dispatcher', colour: [46, 94, 140] },
  { username: 'thanhnho.leader', colour: [140, 70, 46] },
];
interface DemoRating {
  minutesAgo: number;
  source: 'kiosk' | 'link';
  score: number;
  official?: string;
  norms?: string[];
  procedure?: string;
}

/** The demo's counter tablets, each enrolled at its one-stop counter, with the ratings it gave over the last days or weeks. */
export const demoKiosks: Array<{ unit: string; servicePoint: string; name: string; onDuty: string; ratings: DemoRating[] }> = [
  {
    unit: '17719',
    servicePoint: 'Bộ phận Một cửa UBND xã Thanh Nho',
    name: 'Máy tính bảng quầy số 1',
    onDuty: 'thanhnho.dispatcher',
    ratings: [
      { minutesAgo: 9 * 1440, source: 'kiosk', score: 5, official: 'thanhnho.dispatcher', norms: ['C1', 'D3'], procedure: 'Đăng ký khai sinh' },
      { minutesAgo: 8 * 1440, source: 'kiosk', score: 4, official: 'thanhnho.dispatcher', procedure: 'Chứng thực bản sao' },
      { minutesAgo: 7 * 1440, source: 'kiosk', score: 2, official: 'thanhnho.handler', norms: ['K3'], procedure: 'Cấp đổi giấy chứng nhận quyền sử dụng đất' },
      { minutesAgo: 5 * 1440, source: 'kiosk', score: 5, official: 'thanhnho.dispatcher', norms: ['C2'] },
      { minutesAgo: 3 * 1440, source: 'link', score: 4, official: 'thanhnho.handler', procedure: 'Xác nhận hộ nghèo' },
      { minutesAgo: 2 * 1440, source: 'kiosk', score: 3, procedure: 'Đăng ký kết hôn' },
      { minutesAgo: 1440, source: 'link', score: 5, official: 'thanhnho.dispatcher', norms: ['C3'] },
    ],
  },
  {
    // Article 004: Nam Đàn's satisfaction system at the one-stop counter; four weeks of taps.
    unit: '17950',
    servicePoint: 'Bộ phận Một cửa UBND thị trấn Nam Đàn',
    name: 'Máy đánh giá quầy một cửa',
    onDuty: 'namdan.onestop',
    ratings: [
      { minutesAgo: 27 * 1440 + 120, source: 'kiosk', score: 5, official: 'namdan.onestop', procedure: 'Đăng ký khai sinh' },
      { minutesAgo: 24 * 1440 + 200, source: 'kiosk', score: 4, official: 'namdan.onestop', procedure: 'Chứng thực bản sao' },
      { minutesAgo: 20 * 1440 + 60, source: 'kiosk', score: 5, official: 'namdan.onestop', procedure: 'Đăng ký thường trú' },
      { minutesAgo: 17 * 1440 + 90, source: 'kiosk', score: 3, official: 'namdan.onestop', procedure: 'Cấp đổi giấy chứng nhận quyền sử dụng đất' },
      { minutesAgo: 13 * 1440 + 30, source: 'kiosk', score: 5, official: 'namdan.onestop', procedure: 'Đăng ký kết hôn' },
      { minutesAgo: 10 * 1440 + 150, source: 'kiosk', score: 4, procedure: 'Chứng thực chữ ký' },
      { minutesAgo: 6 * 1440 + 45, source: 'kiosk', score: 2, official: 'namdan.onestop', procedure: 'Xác nhận tình trạng hôn nhân' },
      { minutesAgo: 3 * 1440 + 100, source: 'kiosk', score: 5, official: 'namdan.onestop', procedure: 'Đăng ký khai tử' },
      { minutesAgo: 1440 + 80, source: 'kiosk', score: 5, official: 'namdan.onestop', procedure: 'Đăng ký khai sinh' },
      { minutesAgo: 180, source: 'kiosk', score: 4, official: 'namdan.onestop', procedure: 'Chứng thực bản sao' },
    ],
  },
];

/**
 * Residents who booked a place at Thanh Nho's forum held three weeks ago rate it the next day with
 * their booking code (hours after its start, score, norm codes, comment).
 */
export const demoGatheringRatings: Array<{ phone: string; name: string; hoursAfter: number; score: number; norms?: string[]; comment?: string }> = [
  { phone: '0912700101', name: 'Nguyễn Văn Hòa', hoursAfter: 14, score: 5, norms: ['C1'], comment: 'Được hướng dẫn cài VssID ngay tại hội trường.' },
  { phone: '0912700102', name: 'Trần Thị Lan', hoursAfter: 16, score: 4, norms: ['C2'] },
  { phone: '0912700103', name: 'Lê Văn Bình', hoursAfter: 20, score: 2, norms: ['K3'], comment: 'Ý kiến về đèn đường chưa có thời hạn trả lời.' },
  { phone: '0912700104', name: 'Phạm Thị Mai', hoursAfter: 26, score: 5 },
  { phone: '0912700105', name: 'Hoàng Văn Tâm', hoursAfter: 40, score: 4, norms: ['C3'] },
];
