/**
 * Does search find the article that answers a question written in other words than the
 * article? The demo's knowledge base (ten articles in Vietnamese, Chinese and English) and
 * 30 questions per language as residents type them: Vietnamese with and without diacritics,
 * Chinese in simplified and traditional characters, English. Recall at 5 (the share of
 * questions whose article is among the first five) is printed and must be at least 0.9.
 */
import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachBackend } from '../../test/server.ts';
import { seedDemo } from '../demo/seed.ts';

type Q = [question: string, article: string];

const vi: Q[] = [
  ['Tôi muốn đổi đất vườn thành đất ở để cất nhà thì làm thế nào?', 'land-conversion'],
  ['chuyen dat nong nghiep sang dat o can thu tuc gi', 'land-conversion'],
  ['Đất trồng lúa có được chuyển lên đất thổ cư không, nộp tiền bao nhiêu?', 'land-conversion'],
  ['xin phep chuyen muc dich su dung dat mat bao lau', 'land-conversion'],
  ['Ông tôi già rồi muốn để lại nhà đất cho con cháu thì viết di chúc ở đâu?', 'will'],
  ['lam di chuc co can chung thuc khong', 'will'],
  ['Phí chứng thực di chúc ở xã là bao nhiêu tiền?', 'will'],
  ['Muốn công chứng di chúc thì mang giấy tờ gì?', 'will'],
  ['Con trai lấy vợ rồi muốn ra ở riêng, tách hộ khẩu thế nào?', 'household-split'],
  ['tach ho can nhung giay to gi', 'household-split'],
  ['Tách khẩu nộp ở công an xã mất mấy ngày?', 'household-split'],
  ['Làm sao để đăng ký hộ riêng cho vợ chồng con tôi?', 'household-split'],
  ['Làm sổ đỏ lần đầu cần những gì?', 'red-book'],
  ['cap giay chung nhan quyen su dung dat lan dau bao lau thi co', 'red-book'],
  ['Đất ông bà để lại chưa có sổ, muốn đăng ký đất đai thì làm sao?', 'red-book'],
  ['Có được san đất rừng ra để dựng nhà không?', 'forest-house'],
  ['nha toi co dat rung san xuat muon lam nha o duoc khong', 'forest-house'],
  ['Xây nhà trên đất rừng có bị phạt không?', 'forest-house'],
  ['Con mới sinh thì làm giấy khai sinh ở đâu?', 'birth-registration'],
  ['dang ky khai sinh cho be can giay chung sinh khong', 'birth-registration'],
  ['Khai sinh cho cháu quá 60 ngày có sao không?', 'birth-registration'],
  ['Cài ứng dụng VssID như thế nào?', 'social-insurance-app'],
  ['xem qua trinh dong bao hiem xa hoi tren dien thoai', 'social-insurance-app'],
  ['Ứng dụng bảo hiểm trên điện thoại đăng ký tài khoản thế nào?', 'social-insurance-app'],
  ['Tôi làm mất thẻ bảo hiểm y tế, xin cấp lại ở đâu?', 'health-card'],
  ['the bhyt bi rach co duoc cap lai khong', 'health-card'],
  ['Đèn đường đầu thôn bị hỏng, báo ai sửa?', 'street-lights'],
  ['den chieu sang cong cong khong sang may hom nay', 'street-lights'],
  ['Khi nào lãnh đạo huyện tiếp dân?', 'reception-day'],
  ['lich tiep cong dan cua chu tich huyen ngay nao', 'reception-day'],
];

const zh: Q[] = [
  ['我家的耕地想改成宅基地盖房，怎么申请？', 'land-conversion'],
  ['农田变更为住宅用地要交多少钱', 'land-conversion'],
  ['土地用途改变需要几天能批下来', 'land-conversion'],
  ['園地轉成建房用地要辦什麼手續', 'land-conversion'],
  ['老人想把房子留给儿子，遗嘱怎么写，去哪里公证？', 'will'],
  ['立遺囑需要帶哪些材料', 'will'],
  ['遗嘱见证要本人到场吗', 'will'],
  ['儿子结婚了想单独立户口怎么办', 'household-split'],
  ['分户需要户主同意吗', 'household-split'],
  ['分戶要去派出所嗎，幾天辦好', 'household-split'],
  ['单独立户要准备什么证件', 'household-split'],
  ['第一次办不动产权证要什么材料', 'red-book'],
  ['土地证首次登记要多久', 'red-book'],
  ['老房子的土地沒有證，怎麼登記發證', 'red-book'],
  ['可以把林地推平盖房吗', 'forest-house'],
  ['在林地上建房会被罚款吗', 'forest-house'],
  ['山林地能不能建住房', 'forest-house'],
  ['孩子刚出生怎么上户口', 'birth-registration'],
  ['新生兒報戶口要出生證明嗎', 'birth-registration'],
  ['宝宝出生登记去哪里办', 'birth-registration'],
  ['社保App怎么下载注册', 'social-insurance-app'],
  ['手机上怎么查养老保险缴费记录', 'social-insurance-app'],
  ['電子社保卡怎麼用來看病', 'social-insurance-app'],
  ['医保卡丢了去哪里补办', 'health-card'],
  ['醫保卡壞了能換新的嗎', 'health-card'],
  ['社保卡挂失补卡要几天', 'health-card'],
  ['村口路灯不亮了找谁修', 'street-lights'],
  ['路燈壞了好幾天晚上很黑', 'street-lights'],
  ['县长哪天接待群众来访', 'reception-day'],
  ['每月几号可以去县里信访接待', 'reception-day'],
];

const en: Q[] = [
  ['How can I turn my farmland into land where I can build a home?', 'land-conversion'],
  ['change of land use purpose from agricultural to residential procedure', 'land-conversion'],
  ['How much is the levy to convert garden land to residential land?', 'land-conversion'],
  ['How long does permission to convert cropland take?', 'land-conversion'],
  ['My grandfather wants to leave his house to his children. How does he make a will?', 'will'],
  ['Where can a testament be notarised or certified?', 'will'],
  ['what does it cost to certify a will at the commune', 'will'],
  ['Does the person making the will have to come in person?', 'will'],
  ['My son got married and wants his own household registration. What do we do?', 'household-split'],
  ['documents needed to separate from my parents household', 'household-split'],
  ['Can I split the family household online?', 'household-split'],
  ['Does the head of household have to agree to a split?', 'household-split'],
  ['How do I get a red book for land that has never been registered?', 'red-book'],
  ['first land use right certificate how many days', 'red-book'],
  ['Who measures my plot for a land certificate?', 'red-book'],
  ['Can we clear forest land to put up a house?', 'forest-house'],
  ['Is building a home on production forest land allowed?', 'forest-house'],
  ['What is the fine for building on forest land?', 'forest-house'],
  ['Our baby was just born. Where do we get a birth certificate?', 'birth-registration'],
  ['register newborn birth documents', 'birth-registration'],
  ['How late can I register my child\'s birth?', 'birth-registration'],
  ['How do I install the social insurance application?', 'social-insurance-app'],
  ['check my pension contributions on my phone', 'social-insurance-app'],
  ['Can I use an electronic insurance card on my mobile?', 'social-insurance-app'],
  ['I lost my health insurance card. How do I get another one?', 'health-card'],
  ['replacement of a torn medical insurance card', 'health-card'],
  ['The streetlight near our village is out. Who fixes it?', 'street-lights'],
  ['report a broken lamp on the road at night', 'street-lights'],
  ['When does the county head meet citizens?', 'reception-day'],
  ['On which days are the regular reception days of the leaders?', 'reception-day'],
];

describeEachBackend('knowledge search: recall at 5 on the demo articles', (t) => {
  const ids = new Map<string, number>();
  before(async () => {
    await seedDemo(t().ctx);
    // The demo articles by their English titles → refs.
    const titles: Record<string, string> = {
      'land-conversion': 'Converting agricultural land to residential land',
      will: 'Making a will and having it certified',
      'household-split': 'Splitting a household when a married child sets up their own',
      'red-book': 'Getting a land-use right certificate for the first time (red book)',
      'forest-house': 'May I level forest land to build a house?',
      'birth-registration': 'Registering the birth of a newborn baby',
      'social-insurance-app': 'Installing and using the social insurance app on your phone',
      'health-card': 'Replacing a lost or damaged health insurance card',
      'street-lights': 'Who repairs a broken street light in the village?',
      'reception-day': "The county leaders' regular citizen reception days",
    };
    const rows = await t().ctx.db.selectFrom('article_versions').select(['article_id', 'title']).where('language', '=', 'en').execute();
    for (const [ref, title] of Object.entries(titles)) {
      const row = rows.find((r) => r.title === title);
      assert.ok(row, `the demo article ${ref} is published`);
      ids.set(ref, row.article_id);
    }
  });

  for (const [language, questions] of [['vi', vi], ['zh', zh], ['en', en]] as const) {
    it(`finds the answering article among the first five for ${language} questions`, async () => {
      assert.ok(questions.length >= 30);
      const missed: string[] = [];
      for (const [question, ref] of questions) {
        const res = await t().app.inject({ method: 'GET', url: `/api/v1/knowledge/articles?limit=5&lang=${language}&q=${encodeURIComponent(question)}` });
        assert.equal(res.statusCode, 200, res.body);
        const found = (res.json().items as Array<{ id: number }>).map((i) => i.id);
        if (!found.includes(ids.get(ref)!)) missed.push(`${question} → ${ref}`);
      }
      const recall = (questions.length - missed.length) / questions.length;
      console.log(`# recall@5 ${language}: ${recall.toFixed(3)} (${questions.length} questions)${missed.length ? `; missed: ${missed.join(' | ')}` : ''}`);
      assert.ok(recall >= 0.9, `recall@5 ${recall}: missed ${missed.join(' | ')}`);
    });
  }
});
