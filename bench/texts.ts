import type { PetitionKind } from '../server/contract/domain.ts';
/**
 * What residents write, in Vietnamese, Chinese and English, per kind of petition. A bounded set
 * of texts: the bench computes each one's search vector once, with the server's own function.
 */

export type Language = 'vi' | 'zh' | 'en';

interface Template {
  title: string;
  body: string;
  category: string;
}

const templates: Record<PetitionKind, Record<Language, Template[]>> = {
  question: {
    vi: [
      { title: 'Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất', body: 'Tôi muốn san lấp đất rừng để làm nhà ở tại thôn {n}, có được phép không và cần làm thủ tục gì?', category: 'land' },
      { title: 'Hỏi về bảo hiểm xã hội tự nguyện', body: 'Mẹ tôi 58 tuổi ở xóm {n}, muốn đóng bảo hiểm xã hội tự nguyện thì đăng ký ở đâu?', category: 'social_insurance' },
      { title: 'Hỏi lịch tiếp công dân', body: 'Xin hỏi lịch tiếp công dân của Chủ tịch Ủy ban nhân dân xã trong tháng {n}?', category: 'procedures' },
      { title: 'Hỏi về đăng ký khai sinh', body: 'Con tôi sinh ngày {n}, đăng ký khai sinh trực tuyến cần giấy tờ gì?', category: 'procedures' },
    ],
    zh: [
      { title: '咨询宅基地审批手续', body: '我想在{n}组平整林地建房，是否允许，需要办理哪些手续？', category: 'land' },
      { title: '咨询城乡居民医保缴费', body: '我家老人在{n}组，城乡居民医保今年怎么缴费，截止到什么时候？', category: 'health' },
      { title: '咨询低保申请条件', body: '我们家{n}口人，收入很低，申请低保需要什么条件和材料？', category: 'social_insurance' },
      { title: '咨询户口迁移', body: '孩子在外地上学，户口迁回{n}组需要带什么证件？', category: 'procedures' },
    ],
    en: [
      { title: 'Question about a building permit', body: 'I want to level forest land in hamlet {n} to build a house: is it allowed, and which procedures apply?', category: 'land' },
      { title: 'Question about voluntary social insurance', body: 'My mother is 58 and lives in block {n}; where does she register for voluntary social insurance?', category: 'social_insurance' },
      { title: 'When are citizens received this month?', body: 'What is the schedule of citizen reception by the commune chairman in month {n}?', category: 'procedures' },
      { title: 'Question about birth registration online', body: 'Our child was born on day {n}; which documents does online birth registration need?', category: 'procedures' },
    ],
  },
  help_request: {
    vi: [
      { title: 'Đề nghị sửa đường ngập nước', body: 'Đoạn đường qua xóm {n} ngập sâu sau mưa, xe máy không đi được, đề nghị xã khắc phục.', category: 'roads' },
      { title: 'Mất điện kéo dài', body: 'Khu dân cư số {n} mất điện từ sáng đến giờ, đề nghị điện lực kiểm tra.', category: 'water_power' },
      { title: 'Rác thải không được thu gom', body: 'Rác ở đầu ngõ {n} ba ngày chưa được thu gom, bốc mùi, đề nghị xử lý.', category: 'environment' },
    ],
    zh: [
      { title: '道路积水请求维修', body: '{n}组通往学校的路段雨后积水严重，摩托车无法通行，请求乡里处理。', category: 'roads' },
      { title: '停电请求抢修', body: '{n}号小区从早上一直停电，请求供电所尽快检修。', category: 'water_power' },
      { title: '垃圾无人清运', body: '{n}巷口的垃圾三天没人清运，气味很大，请求处理。', category: 'environment' },
    ],
    en: [
      { title: 'Flooded road needs repair', body: 'The road through hamlet {n} floods after rain and motorbikes cannot pass; please fix it.', category: 'roads' },
      { title: 'Power cut since morning', body: 'Residential block {n} has had no electricity since this morning; please send the utility.', category: 'water_power' },
      { title: 'Rubbish not collected', body: 'The rubbish at the end of lane {n} has not been collected for three days; please deal with it.', category: 'environment' },
    ],
  },
  suggestion: {
    vi: [{ title: 'Kiến nghị lắp đèn chiếu sáng', body: 'Đề nghị lắp đèn đường trên tuyến liên thôn {n} để người dân đi lại an toàn ban đêm.', category: 'roads' }],
    zh: [{ title: '建议安装路灯', body: '建议在{n}组村道安装路灯，方便群众夜间出行。', category: 'roads' }],
    en: [{ title: 'Suggestion: street lights', body: 'Please install street lights on the road between hamlets {n} so people can walk safely at night.', category: 'roads' }],
  },
  complaint: {
    vi: [{ title: 'Khiếu nại quyết định thu hồi đất', body: 'Tôi không đồng ý với mức bồi thường khi thu hồi thửa đất số {n}, đề nghị xem xét lại.', category: 'land' }],
    zh: [{ title: '对征地补偿决定的申诉', body: '我对第{n}号地块征收补偿标准有异议，请求重新审查。', category: 'land' }],
    en: [{ title: 'Complaint about a land recovery decision', body: 'I disagree with the compensation for plot {n} and ask for the decision to be reviewed.', category: 'land' }],
  },
  denunciation: {
    vi: [{ title: 'Tố cáo xây dựng trái phép', body: 'Công trình tại lô {n} xây dựng không phép trên đất nông nghiệp, đề nghị kiểm tra.', category: 'land' }],
    zh: [{ title: '举报违法建设', body: '{n}号地块上有人在耕地上违法建房，请求查处。', category: 'land' }],
    en: [{ title: 'Report of illegal construction', body: 'A building on lot {n} is being put up on farmland without a permit; please inspect.', category: 'land' }],
  },
  conduct_report: {
    vi: [{ title: 'Phản ánh thái độ cán bộ', body: 'Cán bộ tại bộ phận một cửa ngày {n} không hướng dẫn, nói năng thiếu tôn trọng.', category: 'procedures' }],
    zh: [{ title: '反映干部工作作风', body: '{n}日在便民服务中心窗口，工作人员态度生硬，不给解释。', category: 'procedures' }],
    en: [{ title: 'Report about an official at the counter', body: 'On day {n} the official at the one-stop counter refused to explain and was rude.', category: 'procedures' }],
  },
};

/** How many variants each template has ({n} filled with 1…fillers). */
const fillers = 6;

export interface Text {
  /** An index into allTexts(). */
  id: number;
  kind: PetitionKind;
  language: Language;
  title: string;
  body: string;
  category: string;
}

let cache: Text[] | undefined;

/** Every text the workload can use, each with a stable id. */
export function allTexts(): Text[] {
  if (cache) return cache;
  const out: Text[] = [];
  for (const [kind, byLanguage] of Object.entries(templates) as Array<[PetitionKind, Record<Language, Template[]>]>) {
    for (const [language, list] of Object.entries(byLanguage) as Array<[Language, Template[]]>) {
      for (const t of list) {
        for (let n = 1; n <= fillers; n++) {
          out.push({ id: out.length, kind, language, title: t.title, body: t.body.replace('{n}', String(n + 2)), category: t.category });
        }
      }
    }
  }
  return (cache = out);
}

export const answers: Record<Language, string[]> = {
  vi: [
    'Ủy ban nhân dân xã đã kiểm tra thực tế và chỉ đạo khắc phục, đề nghị ông/bà theo dõi.',
    'Hồ sơ cần có đơn đề nghị, bản sao căn cước và giấy tờ về đất; nộp tại bộ phận một cửa.',
  ],
  zh: ['乡政府已实地核查并安排整改，请您关注处理结果。', '需提交申请书、身份证复印件和土地证明材料，到便民服务中心窗口办理。'],
  en: [
    'The commune checked on site and ordered the repair; please let us know if it recurs.',
    'Bring the application, a copy of your ID card and the land papers to the one-stop counter.',
  ],
};
