/**
 * The demo's knowledge base: the procedures the articles say residents do not know (converting
 * land use, wills, splitting a household) and a few more that petitions keep asking about, in
 * Vietnamese, Chinese and English. Written by an official of the unit and approved by another.
 */
interface DemoArticle {
  ref: string;
  /** A published answer needs its petition; the demo's questions asked again and again are guides. */
  kind: 'guide' | 'announcement';
  unit: string;
  category: string;
  /** usernames of demo officials: who writes it, who approves it */
  author: string;
  reviewer: string;
  texts: Array<{
    language: 'vi' | 'zh' | 'en';
    title: string;
    body: string;
    guide?: { steps: string[]; papers: string[]; fees: string | null; timeLimit: string | null; whereToGo: string | null };
  }>;
}

const vn = { unit: '17719', author: 'thanhnho.handler', reviewer: 'thanhnho.leader' };
const cn = { unit: '520327', author: 'fenggang.dispatcher', reviewer: 'fenggang.head' };

export const demoArticles: DemoArticle[] = [
  {
    ref: 'land-conversion',
    kind: 'guide',
    category: 'land',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Chuyển mục đích sử dụng đất nông nghiệp sang đất ở',
        body: 'Hộ gia đình muốn chuyển đất trồng cây, đất vườn sang đất ở để xây nhà phải được Ủy ban nhân dân cấp có thẩm quyền cho phép. Đất phải phù hợp quy hoạch, kế hoạch sử dụng đất. Sau khi được phép, người dân nộp tiền sử dụng đất và được chỉnh lý giấy chứng nhận.',
        guide: {
          steps: ['Nộp đơn xin chuyển mục đích sử dụng đất tại bộ phận một cửa', 'Cán bộ địa chính kiểm tra thực địa và quy hoạch', 'Nhận quyết định cho phép chuyển mục đích', 'Nộp tiền sử dụng đất theo thông báo của cơ quan thuế', 'Nhận giấy chứng nhận đã chỉnh lý'],
          papers: ['Đơn xin chuyển mục đích sử dụng đất', 'Giấy chứng nhận quyền sử dụng đất (sổ đỏ) bản gốc'],
          fees: 'Tiền sử dụng đất theo bảng giá đất của tỉnh; lệ phí cấp giấy theo quy định',
          timeLimit: 'Không quá 15 ngày làm việc',
          whereToGo: 'Bộ phận một cửa Ủy ban nhân dân xã',
        },
      },
      {
        language: 'zh',
        title: '农用地转为宅基地（土地用途变更）办理指南',
        body: '农户想把耕地、园地改为住宅用地建房，须经有审批权的人民政府批准，且符合土地利用规划。批准后缴纳土地出让金，并办理不动产权证书变更登记。',
        guide: {
          steps: ['到便民服务中心提交土地用途变更申请', '国土所实地核查并审查规划', '领取准予变更用途的批复', '按税务通知缴纳土地出让金', '领取变更后的不动产权证书'],
          papers: ['土地用途变更申请书', '土地使用权证书原件'],
          fees: '按当地基准地价缴纳土地出让金，另交登记费',
          timeLimit: '不超过15个工作日',
          whereToGo: '乡镇便民服务中心',
        },
      },
      {
        language: 'en',
        title: 'Converting agricultural land to residential land',
        body: 'A household that wants to turn cropland or garden land into residential land to build a house needs the permission of the competent People\'s Committee, and the land must fit the land-use plan. Once permitted, the household pays the land-use levy and the land-use certificate is updated.',
        guide: {
          steps: ['Apply for the change of land-use purpose at the one-stop shop', 'The land officer inspects the plot and the plan', 'Receive the decision permitting the change', 'Pay the land-use levy as the tax office notifies', 'Receive the updated land-use certificate'],
          papers: ['Application for changing the land-use purpose', 'Original land-use right certificate (red book)'],
          fees: 'Land-use levy at the provincial land price table, plus the certificate fee',
          timeLimit: 'At most 15 working days',
          whereToGo: "The commune People's Committee one-stop shop",
        },
      },
    ],
  },
  {
    ref: 'will',
    kind: 'guide',
    category: 'procedures',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Lập di chúc và chứng thực di chúc',
        body: 'Người lập di chúc để lại tài sản như nhà, đất cho con cháu có thể viết di chúc bằng văn bản và yêu cầu chứng thực tại Ủy ban nhân dân xã hoặc công chứng tại văn phòng công chứng. Người lập di chúc phải minh mẫn, tự nguyện, tự mình ký hoặc điểm chỉ trước mặt người chứng thực.',
        guide: {
          steps: ['Soạn di chúc (có thể nhờ cán bộ tư pháp hướng dẫn)', 'Người lập di chúc đến trực tiếp bộ phận một cửa', 'Ký hoặc điểm chỉ trước mặt cán bộ tư pháp', 'Nhận di chúc đã chứng thực'],
          papers: ['Dự thảo di chúc', 'Căn cước công dân của người lập di chúc', 'Giấy tờ về tài sản (sổ đỏ, giấy tờ nhà)'],
          fees: 'Lệ phí chứng thực 50.000 đồng mỗi di chúc',
          timeLimit: 'Trong ngày làm việc, chậm nhất 2 ngày',
          whereToGo: 'Công chức tư pháp – hộ tịch, bộ phận một cửa Ủy ban nhân dân xã',
        },
      },
      {
        language: 'zh',
        title: '立遗嘱及遗嘱公证',
        body: '想把房屋、土地等财产留给子女的老人，可以写书面遗嘱，到乡镇司法所办理遗嘱见证或到公证处公证。立遗嘱人必须神志清醒、出于自愿，并在工作人员面前亲自签名或按手印。',
        guide: {
          steps: ['起草遗嘱（可请司法所工作人员指导）', '立遗嘱人本人到场', '在工作人员面前签名或按手印', '领取公证后的遗嘱'],
          papers: ['遗嘱草稿', '立遗嘱人身份证', '财产证明（房产证、土地证）'],
          fees: '公证费按当地收费标准',
          timeLimit: '当日办结，最迟2个工作日',
          whereToGo: '乡镇司法所或县公证处',
        },
      },
      {
        language: 'en',
        title: 'Making a will and having it certified',
        body: 'A person who wants to leave property such as a house or land to their children can write the will down and have it certified at the commune People\'s Committee or notarised at a notary office. The testator must be of sound mind, act freely and sign or put their fingerprint in front of the certifying officer.',
        guide: {
          steps: ['Draft the will (the justice officer can help)', 'The testator comes in person to the one-stop shop', 'Sign or fingerprint in front of the justice officer', 'Receive the certified will'],
          papers: ['The draft will', 'The testator\'s citizen identity card', 'Papers of the property (land-use certificate, house ownership)'],
          fees: 'A certification fee of 50,000 dong per will',
          timeLimit: 'The same working day, at most 2 days',
          whereToGo: 'The justice and civil status officer at the commune one-stop shop',
        },
      },
    ],
  },
  {
    ref: 'household-split',
    kind: 'guide',
    category: 'procedures',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Tách hộ (tách hộ khẩu) khi con đã lập gia đình',
        body: 'Thành viên đã thành niên trong hộ, có chỗ ở hợp pháp tại cùng địa chỉ hoặc nơi khác, được tách hộ để đăng ký thành hộ riêng. Việc tách hộ được làm tại Công an xã; thông tin cư trú được cập nhật vào Cơ sở dữ liệu quốc gia về dân cư.',
        guide: {
          steps: ['Điền tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'Chủ hộ ghi ý kiến đồng ý tách hộ', 'Nộp hồ sơ tại Công an xã hoặc qua Cổng dịch vụ công', 'Nhận thông báo kết quả'],
          papers: ['Tờ khai thay đổi thông tin cư trú CT01', 'Ý kiến đồng ý của chủ hộ', 'Giấy tờ chứng minh chỗ ở hợp pháp nếu ở nơi khác'],
          fees: 'Miễn phí khi nộp trực tuyến; 10.000 đồng khi nộp trực tiếp',
          timeLimit: '5 ngày làm việc',
          whereToGo: 'Công an xã',
        },
      },
      {
        language: 'zh',
        title: '子女成家后分户（户口分立）',
        body: '户内已成年的成员，在同一地址或其他地址有合法住所的，可以申请分户，单独立户。分户到乡镇派出所办理，户籍信息同步更新到人口信息库。',
        guide: {
          steps: ['填写户口迁移/分户申请表', '户主签字同意分户', '到派出所户籍窗口或网上提交', '领取新的户口簿'],
          papers: ['分户申请表', '户主同意书', '原户口簿', '合法住所证明（房产证或租赁合同）'],
          fees: '免费',
          timeLimit: '5个工作日',
          whereToGo: '乡镇派出所户籍窗口',
        },
      },
      {
        language: 'en',
        title: 'Splitting a household when a married child sets up their own',
        body: 'An adult member of a household who has lawful accommodation at the same address or elsewhere may split off and register a household of their own. It is done at the commune police; the residence data are updated in the national population database.',
        guide: {
          steps: ['Fill in the residence change declaration (form CT01)', 'The head of the household writes their consent', 'Submit at the commune police or on the public service portal', 'Receive the notice of the result'],
          papers: ['Residence change declaration CT01', 'Consent of the head of the household', 'Proof of lawful accommodation if living elsewhere'],
          fees: 'Free online; 10,000 dong at the counter',
          timeLimit: '5 working days',
          whereToGo: 'The commune police',
        },
      },
    ],
  },
  {
    ref: 'red-book',
    kind: 'guide',
    category: 'land',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu (sổ đỏ)',
        body: 'Thửa đất đã sử dụng ổn định, không tranh chấp, phù hợp quy hoạch được cấp giấy chứng nhận lần đầu. Văn phòng đăng ký đất đai đo đạc, xác minh nguồn gốc đất và trình cấp giấy. Ngày thứ Bảy vì dân, cán bộ đo đạc xuống tận thôn bản hướng dẫn bà con.',
        guide: {
          steps: ['Nộp đơn đăng ký cấp giấy chứng nhận', 'Đo đạc, xác minh nguồn gốc và niêm yết công khai 15 ngày', 'Nộp nghĩa vụ tài chính nếu có', 'Nhận giấy chứng nhận'],
          papers: ['Đơn đăng ký đất đai mẫu 04', 'Giấy tờ về nguồn gốc đất (nếu có)', 'Căn cước công dân'],
          fees: 'Lệ phí cấp giấy và phí đo đạc theo quy định của tỉnh',
          timeLimit: '30 ngày; vùng sâu vùng xa 40 ngày',
          whereToGo: 'Chi nhánh Văn phòng đăng ký đất đai, qua bộ phận một cửa xã',
        },
      },
      {
        language: 'zh',
        title: '首次办理土地使用权证（不动产权证书）',
        body: '长期稳定使用、无争议、符合规划的土地可以首次登记发证。不动产登记中心进行测量、核实土地来源后发证。“为民星期六”活动中，测量人员到村里上门指导群众办证。',
        guide: {
          steps: ['提交不动产首次登记申请', '测量、核实土地来源并公示15天', '缴纳相关税费', '领取不动产权证书'],
          papers: ['不动产登记申请表', '土地来源证明材料', '身份证'],
          fees: '登记费和测绘费按省里标准',
          timeLimit: '30天，偏远地区40天',
          whereToGo: '县不动产登记中心（经乡镇便民服务中心受理）',
        },
      },
      {
        language: 'en',
        title: 'Getting a land-use right certificate for the first time (red book)',
        body: 'A plot used stably, without dispute and in line with the plan can be certified for the first time. The land registry office measures it, checks where the land came from and issues the certificate. On "Saturday for the people" its surveyors come to the villages to guide residents.',
        guide: {
          steps: ['Apply for land registration and a certificate', 'Survey, check of the land\'s origin, 15 days of public posting', 'Pay the financial obligations, if any', 'Receive the certificate'],
          papers: ['Land registration form 04', 'Papers on the origin of the land, if any', 'Citizen identity card'],
          fees: 'The certificate fee and surveying charge set by the province',
          timeLimit: '30 days; 40 days in remote areas',
          whereToGo: 'The land registry office branch, through the commune one-stop shop',
        },
      },
    ],
  },
  {
    ref: 'forest-house',
    kind: 'guide',
    category: 'land',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Có được san ủi đất rừng để làm nhà ở không?',
        body: 'Hỏi: Gia đình tôi có đất rừng sản xuất, muốn san gạt một phần để làm nhà có được không, thủ tục thế nào? Trả lời: Không được tự ý san ủi đất rừng để xây nhà. Đất rừng sản xuất chỉ được làm nhà khi cơ quan có thẩm quyền cho chuyển mục đích sang đất ở, phù hợp quy hoạch. Xây nhà trái phép trên đất rừng sẽ bị xử phạt và buộc khôi phục lại hiện trạng.',
      },
      {
        language: 'zh',
        title: '能否平整林地建房？',
        body: '问：我家有一块林地，想推平一部分盖房子，可以吗？需要什么手续？答：不得擅自平整林地建房。林地只有经有权机关批准转为住宅用地、且符合规划，才能建房。在林地上违法建房将被处罚，并责令恢复原状。',
      },
      {
        language: 'en',
        title: 'May I level forest land to build a house?',
        body: 'Question: my family has production forest land; may we level part of it to build a house, and what is the procedure? Answer: forest land may not be levelled to build on without permission. A house may be built only after the competent authority converts the plot to residential land in line with the plan. A house built illegally on forest land is fined and must be removed.',
      },
    ],
  },
  {
    ref: 'birth-registration',
    kind: 'guide',
    category: 'procedures',
    ...vn,
    texts: [
      {
        language: 'vi',
        title: 'Đăng ký khai sinh cho trẻ mới sinh',
        body: 'Trong 60 ngày kể từ ngày sinh, cha hoặc mẹ đăng ký khai sinh cho con tại Ủy ban nhân dân xã nơi cư trú. Trẻ được cấp giấy khai sinh và số định danh cá nhân, đồng thời được đăng ký thường trú và cấp thẻ bảo hiểm y tế theo liên thông.',
        guide: {
          steps: ['Chuẩn bị giấy chứng sinh của bệnh viện', 'Nộp tờ khai đăng ký khai sinh tại bộ phận một cửa hoặc trực tuyến', 'Nhận giấy khai sinh'],
          papers: ['Giấy chứng sinh', 'Tờ khai đăng ký khai sinh', 'Căn cước của cha hoặc mẹ', 'Giấy chứng nhận kết hôn (nếu có)'],
          fees: 'Miễn lệ phí nếu đăng ký đúng hạn',
          timeLimit: 'Ngay trong ngày',
          whereToGo: 'Công chức tư pháp – hộ tịch xã',
        },
      },
      {
        language: 'zh',
        title: '新生儿出生登记（报户口）',
        body: '婴儿出生后，父母凭出生医学证明到户口所在地派出所为孩子申报户口，孩子取得身份号码，同时可以办理医保参保。',
        guide: {
          steps: ['准备医院开具的出生医学证明', '到派出所户籍窗口或网上申报出生登记', '领取登记后的户口簿'],
          papers: ['出生医学证明', '父母双方身份证', '户口簿', '结婚证'],
          fees: '免费',
          timeLimit: '当日办结',
          whereToGo: '户口所在地派出所',
        },
      },
      {
        language: 'en',
        title: 'Registering the birth of a newborn baby',
        body: 'Within 60 days of the birth, the father or the mother registers it at the commune People\'s Committee where they live. The child gets a birth certificate and a personal identification number, and is registered as a resident and enrolled for health insurance at the same time.',
        guide: {
          steps: ['Bring the hospital\'s birth notice', 'Hand in the birth registration form at the one-stop shop or online', 'Receive the birth certificate'],
          papers: ['Birth notice from the hospital', 'Birth registration form', 'Identity card of the father or mother', 'Marriage certificate, if any'],
          fees: 'Free when registered in time',
          timeLimit: 'The same day',
          whereToGo: 'The commune justice and civil status officer',
        },
      },
    ],
  },
  {
    ref: 'social-insurance-app',
    kind: 'guide',
    category: 'social_insurance',
    ...cn,
    texts: [
      {
        language: 'vi',
        title: 'Cài đặt và dùng ứng dụng bảo hiểm xã hội (VssID) trên điện thoại',
        body: 'Ứng dụng bảo hiểm xã hội số VssID cho phép tra cứu quá trình đóng bảo hiểm xã hội, bảo hiểm y tế, dùng thẻ bảo hiểm y tế trên điện thoại thay thẻ giấy. Tổ tuyên truyền lưu động của bảo hiểm xã hội huyện hướng dẫn bà con cài đặt.',
        guide: {
          steps: ['Tải ứng dụng VssID trên kho ứng dụng', 'Đăng ký tài khoản giao dịch điện tử bằng số định danh', 'Nhận mật khẩu qua tin nhắn', 'Đăng nhập và tra cứu'],
          papers: ['Căn cước công dân', 'Số điện thoại chính chủ'],
          fees: 'Miễn phí',
          timeLimit: null,
          whereToGo: 'Bảo hiểm xã hội huyện hoặc tổ tuyên truyền lưu động',
        },
      },
      {
        language: 'zh',
        title: '手机社保App的下载和使用',
        body: '用手机社保App可以查询养老保险、医疗保险缴费记录，使用电子社保卡看病买药，不用带实体卡。县社保局流动宣传队上门指导群众安装使用。',
        guide: {
          steps: ['在应用商店下载社保App', '用身份证号注册账号并实名认证', '设置密码', '登录查询缴费记录'],
          papers: ['身份证', '本人手机号码'],
          fees: '免费',
          timeLimit: null,
          whereToGo: '县社保局或流动宣传队',
        },
      },
      {
        language: 'en',
        title: 'Installing and using the social insurance app on your phone',
        body: 'The social insurance app shows your social and health insurance contributions and lets you use an electronic health insurance card on the phone instead of the paper one. The mobile outreach team of the district social insurance office helps residents set it up.',
        guide: {
          steps: ['Download the app from the app store', 'Register an account with your identification number', 'Receive the password by text message', 'Sign in and look up your contributions'],
          papers: ['Citizen identity card', 'A phone number in your own name'],
          fees: 'Free',
          timeLimit: null,
          whereToGo: 'The district social insurance office or its outreach team',
        },
      },
    ],
  },
  {
    ref: 'health-card',
    kind: 'guide',
    category: 'social_insurance',
    ...cn,
    texts: [
      {
        language: 'vi',
        title: 'Cấp lại thẻ bảo hiểm y tế bị mất hoặc hỏng',
        body: 'Người bị mất, rách, hỏng thẻ bảo hiểm y tế được cấp lại thẻ. Trong thời gian chờ vẫn được khám chữa bệnh bằng ứng dụng hoặc căn cước gắn chip.',
        guide: {
          steps: ['Khai tờ khai đề nghị cấp lại thẻ', 'Nộp tại bảo hiểm xã hội huyện hoặc đại lý thu', 'Nhận thẻ mới'],
          papers: ['Tờ khai tham gia, điều chỉnh thông tin (TK1-TS)', 'Thẻ cũ nếu bị hỏng'],
          fees: 'Miễn phí',
          timeLimit: '7 ngày làm việc',
          whereToGo: 'Bảo hiểm xã hội huyện',
        },
      },
      {
        language: 'zh',
        title: '医保卡丢失或损坏的补办',
        body: '医保卡（社保卡）丢失、损坏的，可以申请补办新卡。补卡期间可以用电子社保卡或身份证看病就医。',
        guide: {
          steps: ['先挂失旧卡', '填写补卡申请', '到社保服务窗口或合作银行办理', '领取新卡'],
          papers: ['身份证', '补卡申请表'],
          fees: '免费',
          timeLimit: '7个工作日',
          whereToGo: '县社保局服务窗口或合作银行网点',
        },
      },
      {
        language: 'en',
        title: 'Replacing a lost or damaged health insurance card',
        body: 'A person whose health insurance card is lost, torn or damaged can have it replaced. While waiting they can still see a doctor with the app or a chip identity card.',
        guide: {
          steps: ['Fill in the request for a replacement card', 'Hand it in at the district social insurance office or a collection agent', 'Receive the new card'],
          papers: ['The information adjustment form', 'The old card, if damaged'],
          fees: 'Free',
          timeLimit: '7 working days',
          whereToGo: 'The district social insurance office',
        },
      },
    ],
  },
  {
    ref: 'street-lights',
    kind: 'guide',
    category: 'water_power',
    ...cn,
    texts: [
      {
        language: 'vi',
        title: 'Đèn chiếu sáng đường thôn bị hỏng thì báo ở đâu?',
        body: 'Hỏi: Đèn đường ở đầu thôn tắt cả tuần, buổi tối đi lại rất tối, báo ai để sửa? Trả lời: Người dân gửi phản ánh về đèn chiếu sáng công cộng qua cổng này hoặc đường dây nóng 12345; tổ quản lý lưới sẽ kiểm tra và đơn vị điện lực sửa trong 3 ngày làm việc.',
      },
      {
        language: 'zh',
        title: '村里路灯坏了找谁修？',
        body: '问：村口的路灯一个星期都不亮，晚上走路很黑，找谁来修？答：群众可以通过本平台或12345热线反映公共照明问题，网格员核实后由供电部门在3个工作日内维修。',
      },
      {
        language: 'en',
        title: 'Who repairs a broken street light in the village?',
        body: 'Question: the street lamp at the village entrance has been off for a week and the road is dark at night; whom do we tell? Answer: report public lighting problems here or on the 12345 hotline; the grid worker checks and the power company repairs it within 3 working days.',
      },
    ],
  },
  {
    ref: 'reception-day',
    kind: 'announcement',
    category: 'other',
    ...cn,
    texts: [
      {
        language: 'vi',
        title: 'Lịch tiếp công dân định kỳ của lãnh đạo huyện',
        body: 'Chủ tịch Ủy ban nhân dân huyện tiếp công dân định kỳ hai lần mỗi tháng, vào ngày 10 và ngày 25, tại trụ sở tiếp công dân. Người dân có khiếu nại, kiến nghị mang theo giấy tờ liên quan.',
      },
      {
        language: 'zh',
        title: '县领导定期接访日安排',
        body: '县长每月两次定期接待来访群众，时间为每月10日和25日，地点在县信访接待大厅。有投诉、建议的群众请带上相关材料。',
      },
      {
        language: 'en',
        title: 'The county leaders\' regular citizen reception days',
        body: 'The head of the county receives citizens twice a month, on the 10th and the 25th, at the citizen reception hall. Residents with complaints or suggestions should bring the papers concerned.',
      },
    ],
  },
];
