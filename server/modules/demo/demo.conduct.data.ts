/**
 * The codes of conduct of the articles, in Vietnamese, Chinese and English: Cẩm Tâm's 10
 * principles of contact with citizens and "5 knows, 4 increases, 4 shows, 3 no's" (article 001),
 * and Thanh Chương's "3 needs, 3 rights, 3 no's, 3 against, 3 determinations" (article 000),
 * which the district's communes inherit.
 */
type Texts = { vi: string; zh: string; en: string };
interface DemoNormSet {
  unit: string;
  key: string;
  names: Texts;
  norms: Array<{ code: string; texts: Texts }>;
}

const n = (code: string, vi: string, zh: string, en: string) => ({ code, texts: { vi, zh, en } });

export const demoNormSets: DemoNormSet[] = [
  {
    unit: '15163',
    key: 'muoi-nguyen-tac',
    names: {
      vi: '10 nguyên tắc trong giao tiếp với công dân',
      zh: '与公民交往的十项原则',
      en: '10 principles of contact with citizens',
    },
    norms: [
      n('NT1', 'Dân đến được chào hỏi', '群众来了有人问候', 'Greeted on arrival'),
      n('NT2', 'Dân ở luôn tươi cười', '群众在场时笑脸相迎', 'Smiled at while there'),
      n('NT3', 'Dân hỏi được tư vấn', '群众询问时得到咨询', 'Advised when asking'),
      n('NT4', 'Dân yêu cầu phải tận tình', '群众提出要求时热情周到', 'Served attentively when making a request'),
      n('NT5', 'Dân cần được thông báo', '群众需要时及时告知', 'Informed when they need to know'),
      n('NT6', 'Dân vội giải quyết nhanh', '群众着急时快速办理', 'Served fast when in a hurry'),
      n('NT7', 'Dân chờ được xin lỗi', '让群众等候时表示歉意', 'Apologised to when kept waiting'),
      n('NT8', 'Dân phàn nàn phải lắng nghe', '群众抱怨时耐心倾听', 'Listened to when complaining'),
      n('NT9', 'Dân nhờ luôn chu đáo', '群众求助时细致周到', 'Helped thoroughly'),
      n('NT10', 'Dân về được hài lòng', '群众满意而归', 'Leaving satisfied'),
    ],
  },
  {
    unit: '15163',
    key: '5-biet-4-tang-4-the-hien-3-khong',
    names: {
      vi: '5 biết, 4 tăng, 4 thể hiện và 3 không',
      zh: '“五会、四增、四体现、三不”',
      en: '5 knows, 4 increases, 4 shows, 3 no’s',
    },
    norms: [
      n('B1', 'Biết nghe dân nói', '会听群众说话', 'Know how to listen to the people'),
      n('B2', 'Biết nói dân hiểu', '会说群众听得懂的话', 'Know how to speak so the people understand'),
      n('B3', 'Biết làm dân tin', '会做让群众信任的事', 'Know how to act so the people trust'),
      n('B4', 'Biết xin lỗi', '会道歉', 'Know how to apologise'),
      n('B5', 'Biết cảm ơn', '会道谢', 'Know how to thank'),
      n('T1', 'Tăng ứng dụng CNTT', '增加信息技术应用', 'More use of IT'),
      n('T2', 'Tăng công khai minh bạch', '增加公开透明', 'More openness and transparency'),
      n('T3', 'Tăng trách nhiệm trong thực thi công vụ', '增强履行公务的责任', 'More responsibility in public duty'),
      n('T4', 'Tăng sự hài lòng của tổ chức và công dân', '提高组织和公民的满意度', 'More satisfaction of organisations and citizens'),
      n('H1', 'Tôn trọng trong giao tiếp', '交往中体现尊重', 'Respect in contact'),
      n('H2', 'Văn minh, văn hóa, lịch sự trong giải quyết công việc', '办事文明、有修养、讲礼貌', 'Civility, culture and courtesy in handling work'),
      n('H3', 'Lắng nghe đầy đủ', '充分倾听', 'Listening fully'),
      n('H4', 'Hướng dẫn tận tình quy trình xử lý công việc, gần gũi giải thích cặn kẽ những thắc mắc của dân', '耐心指导办事流程，亲切细致地解答群众疑问', 'Guiding attentively through the procedure, explaining the people’s questions closely and thoroughly'),
      n('K1', 'Không phiền hà sách nhiễu', '不刁难、不勒索', 'No troubling or harassing'),
      n('K2', 'Không né tránh trách nhiệm', '不推卸责任', 'No avoiding responsibility'),
      n('K3', 'Không trễ hẹn trong quá trình xử lý công việc', '办事不误期', 'No missed appointments in handling work'),
    ],
  },
  {
    unit: '428',
    key: '3-can-3-dung-3-khong-3-chong-3-quyet-tam',
    names: {
      vi: '3 cần, 3 đúng, 3 không, 3 chống, 3 quyết tâm',
      zh: '“三需、三正确、三不、三反对、三决心”',
      en: '3 needs, 3 rights, 3 no’s, 3 against, 3 determinations',
    },
    norms: [
      n('C1', 'Cần gần dân, hiểu dân, tôn trọng dân, vui vẻ khi tiếp xúc với dân', '需要贴近人民、了解人民、尊重人民，与人民接触时心情愉快', 'Be close to the people, understand and respect them, be cheerful in contact with them'),
      n('C2', 'Cần xin lỗi và cảm ơn khi tiếp nhận ý kiến của dân', '收到人民的意见时要道歉和感谢', 'Apologise and thank when receiving the people’s opinions'),
      n('C3', 'Cần tiết kiệm thời gian, công sức và tiền bạc cho dân', '要为人民节省时间、精力和金钱', 'Save the people time, effort and money'),
      n('D1', 'Đúng quy trình, quy định, quy chế làm việc', '遵守工作程序、规则和规章制度', 'Follow the working procedures, rules and regulations'),
      n('D2', 'Đúng chính sách, pháp luật khi tư vấn, giải quyết công việc', '提供建议和处理工作时遵守政策和法律', 'Follow policy and law when advising and handling work'),
      n('D3', 'Đúng hẹn với dân', '信守与群众的约定', 'Keep appointments with the people'),
      n('K1', 'Không gây phiền hà, sách nhiễu nhân dân', '不给人民制造麻烦或骚扰', 'No troubling or harassing the people'),
      n('K2', 'Không nhận hối lộ dưới mọi hình thức', '不以任何形式收受贿赂', 'No bribes in any form'),
      n('K3', 'Không thờ ơ, vô cảm trước yêu cầu của dân', '不对人民的诉求漠不关心', 'No indifference to the people’s requests'),
      n('CH1', 'Chống chủ nghĩa cá nhân, cục bộ, địa phương', '反对个人主义、本位主义和地方主义', 'Against individualism, parochialism and localism'),
      n('CH2', 'Chống tham vọng quyền lực, gia trưởng, độc đoán', '反对权力野心、家长作风和专断', 'Against lust for power, paternalism and authoritarianism'),
      n('CH3', 'Chống bè phái, mất đoàn kết', '反对派系和不团结', 'Against factionalism and disunity'),
      n('Q1', 'Quyết tâm nêu gương của cán bộ, đảng viên', '决心发挥干部党员的表率作用', 'Determined to set the example of cadres and party members'),
      n('Q2', 'Quyết tâm hoàn thành tốt nhiệm vụ được giao', '决心做好分配的任务', 'Determined to do the assigned tasks well'),
      n('Q3', 'Quyết tâm xây dựng quê hương Thanh Chương giàu đẹp, văn minh', '决心建设富强文明的清章家园', 'Determined to build a prosperous, beautiful and civilised Thanh Chương'),
    ],
  },
];

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
