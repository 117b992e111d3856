/**
 * What a year of Party Group meetings at a border customs house talks about: agenda items by
 * catalogue entry, with decision texts, follow-through tasks and discussion lines. Invented, but
 * in the register of real 党组会议 minutes.
 */

export interface DemoItem {
  title: string;
  /** A fragment of the catalogue entry's name (catalogue.service seedEntries) */
  entry: string;
  method: 'oral' | 'hands' | 'named' | 'secret';
  decision: string;
  amountFen?: number;
  /** Personnel items: the post, a staff member is picked as the candidate */
  post?: string;
  /** Members voting against (never enough to change a unanimous-leaning result) */
  dissent?: number;
  tasks?: { title: string; owner: string; days: number; progress: number }[];
  /** Statutory procedures recorded (major administrative decisions) */
  procedures?: boolean;
}

export const MONTHLY_OPENERS: DemoItem[] = [
  {
    title: '传达学习习近平总书记重要讲话精神和上级有关会议精神',
    entry: '贯彻落实上级重大决策部署',
    method: 'oral',
    decision: '会议要求各部门结合实际抓好贯彻落实，党组办公室跟踪督办。',
    tasks: [{ title: '制定贯彻落实工作方案并报党组', owner: '办公室', days: 15, progress: 100 }],
  },
  {
    title: '研究党风廉政建设和反腐败工作',
    entry: '贯彻落实上级重大决策部署',
    method: 'oral',
    decision: '同意党风廉政建设工作安排，纪检组加强日常监督。',
    tasks: [{ title: '开展廉政风险点排查', owner: '督审科', days: 30, progress: 100 }],
  },
  {
    title: '听取意识形态工作情况汇报',
    entry: '贯彻落实上级重大决策部署',
    method: 'oral',
    decision: '会议听取汇报，要求严格落实意识形态工作责任制。',
  },
  {
    title: '研究全面从严治党主体责任清单落实情况',
    entry: '贯彻落实上级重大决策部署',
    method: 'hands',
    decision: '同意主体责任清单，明确班子成员“一岗双责”任务分工。',
    tasks: [{ title: '修订班子成员“一岗双责”任务清单', owner: '办公室', days: 20, progress: 100 }],
  },
];

export const BUSINESS_ITEMS: DemoItem[] = [
  {
    title: '研究阿勒泰海关年度工作要点',
    entry: '年度工作计划',
    method: 'hands',
    decision: '审议通过年度工作要点，按分工抓好落实。',
    tasks: [
      { title: '分解年度工作要点任务', owner: '办公室', days: 20, progress: 100 },
      { title: '半年工作要点落实情况督查', owner: '办公室', days: 180, progress: 60 },
    ],
  },
  {
    title: '关于吉木乃口岸通关便利化措施的实施方案（重大行政决策）',
    entry: '口岸监管重大政策措施',
    method: 'named',
    procedures: true,
    decision: '原则同意实施方案，分两步在吉木乃口岸推行，监管科牵头。',
    tasks: [
      { title: '第一阶段便利化措施上线', owner: '监管科', days: 45, progress: 100 },
      { title: '第二阶段措施评估与推广', owner: '监管科', days: 120, progress: 40 },
    ],
  },
  {
    title: '关于购置H986集装箱检查系统维保服务的议题',
    entry: '大额资金使用',
    method: 'named',
    amountFen: 48_000_000,
    decision: '同意采购维保服务，按政府采购程序办理。',
    tasks: [{ title: '完成维保服务政府采购', owner: '财务科', days: 40, progress: 100 }],
  },
  {
    title: '关于塔克什肯口岸查验场地改造项目的议题',
    entry: '重要项目安排',
    method: 'named',
    amountFen: 126_000_000,
    dissent: 1,
    decision: '同意实施查验场地改造，由综合科组织，纪检组全程监督。',
    tasks: [
      { title: '完成改造项目招标', owner: '综合科', days: 60, progress: 100 },
      { title: '改造工程竣工验收', owner: '综合科', days: 150, progress: 35 },
    ],
  },
  {
    title: '关于修订《阿勒泰海关公务接待管理办法》的议题',
    entry: '年度工作计划',
    method: 'hands',
    decision: '审议通过修订后的管理办法，自印发之日起施行。',
  },
  {
    title: '研究年度干部教育培训计划',
    entry: '干部推荐、考核、奖惩',
    method: 'hands',
    decision: '同意年度培训计划，政治处组织实施。',
    tasks: [{ title: '组织开展业务骨干轮训', owner: '政治处', days: 90, progress: 70 }],
  },
  {
    title: '关于发展预备党员的议题',
    entry: '发展党员',
    method: 'hands',
    decision: '同意接收2名同志为中共预备党员，报上级党组织备案。',
  },
  {
    title: '关于调整机关党支部设置的议题',
    entry: '基层党组织设置调整',
    method: 'hands',
    decision: '同意将监管科、查验科党支部合并设置。',
  },
  {
    title: '关于年度预算调整的议题',
    entry: '大额资金使用',
    method: 'named',
    amountFen: 23_000_000,
    decision: '同意预算调整方案，报乌鲁木齐海关审批。',
    tasks: [{ title: '报送预算调整申请', owner: '财务科', days: 10, progress: 100 }],
  },
  {
    title: '研究口岸疫病疫情防控联防联控工作',
    entry: '其他须集体讨论',
    method: 'oral',
    decision: '会议要求卫生检疫科与地方卫健部门加强协作。',
    tasks: [{ title: '签订联防联控合作备忘录', owner: '卫生检疫科', days: 30, progress: 100 }],
  },
  {
    title: '研究年度绩效考核结果运用',
    entry: '干部推荐、考核、奖惩',
    method: 'hands',
    decision: '同意考核结果运用意见，与评先评优挂钩。',
  },
  {
    title: '关于缉私打私专项行动方案的议题',
    entry: '其他须集体讨论',
    method: 'hands',
    decision: '同意专项行动方案，缉私分局牵头，联合地方开展。',
    tasks: [{ title: '开展边境打私联合行动', owner: '缉私分局', days: 75, progress: 80 }],
  },
];

export const PERSONNEL_POSTS = [
  '监管科科长',
  '查验科副科长',
  '卫生检疫科科长',
  '综合科副科长',
  '关税科科长',
  '稽核科副科长',
  '缉私分局副局长',
];

export const DISCUSSION = [
  '同意，建议进一步细化责任分工和时间节点。',
  '同意。执行中要注意与地方有关部门的沟通衔接。',
  '原则同意，建议加强过程监督，确保资金使用规范。',
  '同意，要把风险防控措施落实到位。',
  '同意，建议定期向党组报告进展情况。',
];

export const LEAVE_REASONS = [
  '赴海关总署参加培训',
  '带队赴吉木乃口岸检查工作',
  '因病请假',
  '参加地方政府联席会议',
  '赴乌鲁木齐海关汇报工作',
];
