/**
 * A generated routed history for measuring the routing suggestion (its test and bench/routing.ts):
 * petitions in Vietnamese, Chinese and English about eight categories, each written from
 * phrases of its topic mixed with words every petition uses, some touching a second topic and
 * some routed to a category their words do not say (dispatchers differ). Deterministic for a seed.
 */

type HistoryLanguage = 'vi' | 'zh' | 'en';

export const generatedCategories = ['land', 'roads', 'water_power', 'environment', 'social_insurance', 'health', 'procedures', 'security'] as const;
type GeneratedCategory = (typeof generatedCategories)[number];

/** Which kind of agency handles each category (an agency per kind in every commune). */
export const agencyKindOf: Record<GeneratedCategory, string> = {
  land: 'land_registry',
  roads: 'committee',
  water_power: 'committee',
  environment: 'committee',
  social_insurance: 'social_insurance',
  health: 'health_station',
  procedures: 'one_stop',
  security: 'police',
};

const topics: Record<GeneratedCategory, Record<HistoryLanguage, string[]>> = {
  land: {
    vi: ['cấp giấy chứng nhận quyền sử dụng đất', 'chuyển mục đích sử dụng đất nông nghiệp sang đất ở', 'tranh chấp ranh giới thửa đất với nhà bên cạnh', 'đo đạc lại diện tích sổ đỏ', 'đền bù giải phóng mặt bằng', 'san lấp đất rừng để làm nhà'],
    zh: ['宅基地审批', '土地承包经营权证', '与邻居的地界纠纷', '林地平整建房', '征地补偿款', '重新测量土地面积'],
    en: ['the land use certificate', 'converting farm land to residential land', 'a boundary dispute with the neighbour over the plot', 'measuring the land area again', 'compensation for land clearance', 'levelling forest land to build a house'],
  },
  roads: {
    vi: ['đường bê tông bị sụt lún', 'ổ gà lớn giữa đường liên thôn', 'cầu tạm bị gãy', 'đường ngập nước sau mưa', 'xe tải chở cát làm hỏng đường', 'mương thoát nước ven đường bị tắc'],
    zh: ['水泥路塌陷', '通村公路坑洼', '便桥断裂', '雨后道路积水', '运沙货车压坏路面', '路边排水沟堵塞'],
    en: ['the concrete road has sunk', 'big potholes on the road between villages', 'the temporary bridge is broken', 'the road floods after rain', 'sand trucks damaged the road surface', 'the roadside drain is blocked'],
  },
  water_power: {
    vi: ['mất điện kéo dài', 'nước sinh hoạt bị đục', 'đèn đường không sáng', 'điện áp yếu không chạy được máy bơm', 'đường ống nước bị vỡ', 'hóa đơn tiền điện tăng bất thường'],
    zh: ['长时间停电', '自来水浑浊', '路灯不亮', '电压太低水泵带不动', '自来水管破裂', '电费异常增加'],
    en: ['a long power cut', 'the tap water is muddy', 'the street lights are off', 'the voltage is too low for the water pump', 'a burst water pipe', 'the electricity bill rose for no reason'],
  },
  environment: {
    vi: ['rác thải không được thu gom', 'trại lợn gây mùi hôi', 'xưởng gỗ gây tiếng ồn ban đêm', 'nước thải chảy ra sông', 'đốt rơm rạ gây khói', 'bãi rác tự phát ven đê'],
    zh: ['垃圾无人清运', '养猪场臭味', '木材加工厂夜间噪音', '污水排进河里', '焚烧秸秆冒烟', '河堤边乱倒垃圾'],
    en: ['rubbish is not collected', 'the pig farm smells', 'the sawmill makes noise at night', 'waste water runs into the river', 'burning straw makes smoke', 'an illegal dump beside the dyke'],
  },
  social_insurance: {
    vi: ['bảo hiểm xã hội tự nguyện', 'chế độ hưu trí', 'trợ cấp hộ nghèo', 'trợ cấp người cao tuổi', 'chế độ thai sản', 'sổ bảo hiểm xã hội bị sai thông tin'],
    zh: ['城乡居民养老保险', '退休金发放', '低保申请', '高龄补贴', '生育津贴', '社保卡信息错误'],
    en: ['voluntary social insurance', 'the pension', 'the poor household allowance', 'the allowance for the elderly', 'maternity benefits', 'wrong details in the social insurance book'],
  },
  health: {
    vi: ['thẻ bảo hiểm y tế bị mất', 'trạm y tế không có bác sĩ', 'tiêm chủng cho trẻ em', 'dịch sốt xuất huyết', 'khám sức khỏe cho người già', 'thuốc ở trạm y tế hết'],
    zh: ['医保卡丢失', '卫生室没有医生', '儿童疫苗接种', '登革热疫情', '老年人体检', '卫生室缺药'],
    en: ['a lost health insurance card', 'no doctor at the health station', 'vaccinating the children', 'dengue fever cases', 'health checks for old people', 'the health station has run out of medicine'],
  },
  procedures: {
    vi: ['đăng ký khai sinh', 'tách hộ khẩu', 'chứng thực di chúc', 'đăng ký kết hôn', 'xác nhận tình trạng hôn nhân', 'làm căn cước công dân'],
    zh: ['出生登记', '分户', '遗嘱公证', '结婚登记', '婚姻状况证明', '办理身份证'],
    en: ['registering a birth', 'splitting the household registration', 'certifying a will', 'registering a marriage', 'a certificate of marital status', 'getting an identity card'],
  },
  security: {
    vi: ['trộm cắp xe máy', 'thanh niên tụ tập đua xe', 'đánh bạc trong xóm', 'lừa đảo qua điện thoại', 'đánh nhau gây mất trật tự', 'người lạ khả nghi'],
    zh: ['摩托车被盗', '青年飙车', '村里聚众赌博', '电话诈骗', '打架斗殴', '可疑陌生人'],
    en: ['a stolen motorbike', 'young men racing at night', 'gambling in the hamlet', 'a phone scam', 'a fight disturbing the peace', 'suspicious strangers'],
  },
};

const openers: Record<HistoryLanguage, string[]> = {
  vi: ['Kính gửi xã, tôi xin phản ánh về', 'Đề nghị cán bộ xem xét việc', 'Cho tôi hỏi về', 'Gia đình tôi gặp khó khăn về', 'Nhân dân xóm tôi kiến nghị về', 'Xin hỏi'],
  zh: ['您好，我想反映', '请领导看看', '请问', '我家遇到', '我们组群众反映', '麻烦问一下'],
  en: ['Dear commune, I want to report', 'Please look into', 'Could you tell me about', 'My family has a problem with', 'The residents of our hamlet ask about', 'I have a question about'],
};

const closers: Record<HistoryLanguage, string[]> = {
  vi: ['Mong được giải quyết sớm.', 'Xin cảm ơn.', 'Việc này đã kéo dài nhiều tháng.', 'Đề nghị trả lời bằng văn bản.', 'Rất mong cán bộ xuống kiểm tra.', ''],
  zh: ['希望尽快解决。', '谢谢。', '这件事已经好几个月了。', '请书面答复。', '希望干部下来看看。', ''],
  en: ['Please solve it soon.', 'Thank you.', 'This has gone on for months.', 'Please answer in writing.', 'Please come and see.', ''],
};

const places: Record<HistoryLanguage, (n: number) => string> = {
  vi: (n) => `ở xóm ${n}`,
  zh: (n) => `在${n}组`,
  en: (n) => `in hamlet ${n}`,
};

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GeneratedPetition {
  language: HistoryLanguage;
  title: string;
  body: string;
  category: GeneratedCategory;
  /** Which commune (0 … communes-1). */
  commune: number;
}

/**
 * `count` petitions, oldest first. Categories are not equally frequent (land and roads most);
 * 20 % mention a second topic; `mislabelled` of them were routed to a category chosen at random.
 */
export function generateHistory(count: number, opts: { seed?: number; communes?: number; mislabelled?: number } = {}): GeneratedPetition[] {
  const random = seeded(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const weights = [5, 4, 3, 3, 2, 2, 3, 2];
  const sum = weights.reduce((a, b) => a + b, 0);
  const category = (): GeneratedCategory => {
    let r = random() * sum;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return generatedCategories[i];
    }
    return generatedCategories[0];
  };
  const out: GeneratedPetition[] = [];
  for (let i = 0; i < count; i++) {
    const language = pick(['vi', 'vi', 'zh', 'en'] as const);
    const c = category();
    const topic = pick(topics[c][language]);
    const second = random() < 0.2 ? pick(topics[pick(generatedCategories)][language]) : null;
    const sep = language === 'zh' ? '，' : ', ';
    const body = [
      `${pick(openers[language])} ${topic} ${places[language](1 + Math.floor(random() * 20))}`,
      second ? (language === 'zh' ? `还有${second}` : language === 'vi' ? `ngoài ra còn ${second}` : `and also ${second}`) : null,
      pick(closers[language]),
    ]
      .filter(Boolean)
      .join(sep);
    const routed = random() < (opts.mislabelled ?? 0.05) ? pick(generatedCategories) : c;
    out.push({ language, title: random() < 0.4 ? topic : '', body, category: routed, commune: Math.floor(random() * (opts.communes ?? 4)) });
  }
  return out;
}
