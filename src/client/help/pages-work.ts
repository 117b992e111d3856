/** Help for the meetings, decisions, disclosures, ballots and assessments pages. */
import type { PageHelp } from './types.js';

const VOTE_RULES = [
  { id: 'PG-09', text: '赞成票超过应到会成员半数才算通过。' },
  { id: 'PG-10', text: '主持人最后表态：其他人都表决后，书记才能投票。' },
  { id: 'PG-13', text: '与议题有利害关系的成员须回避，不参加表决。' },
];
const DRAW_RULE = { id: 'PM-06', text: '按比例随机抽查，抽取过程可由任何人复算验证。' };

export const WORK_HELP: Record<string, PageHelp> = {
  '/meetings': {
    title: '党组会议',
    purpose: '本单位的党组会议：列表或月历，会议纪要的期限，以及是否按规定频次开会。',
    rules: [
      { id: 'PG-05', text: '党组会议一般每月召开一次，遇有重要情况随时召开。' },
      { id: 'PG-12', text: '会议记录和纪要须按时整理、审定和存档。' },
    ],
  },
  '/meetings/:id/projector': {
    title: '投影视图',
    purpose: '在会场大屏上显示议程、当前议题和实时表决情况；无记名投票只显示已投人数，不显示票数。',
    rules: [{ id: 'PG-09', text: '表决结果按到会成员过半数同意等规则判定。' }],
  },
  '/meetings/:id': {
    title: '会议现场',
    purpose:
      '党组办公室在这里开会：点名、确认人数、逐项表决，结果附判定依据；成员在自己的设备上同步看到。会后整理记录和纪要。',
    rules: [
      { id: 'PG-06', text: '到会成员超过应到会成员半数才能开会。' },
      { id: 'PG-07', text: '讨论干部任免等事项须三分之二以上成员到会。' },
      { id: 'PG-11', text: '多个事项逐项表决。' },
      ...VOTE_RULES,
    ],
  },
  '/meetings/:id/vote': {
    title: '会议表决',
    purpose: '成员在手机上对正在表决的议题投票：每个问题一个大按钮。',
    rules: VOTE_RULES,
  },
  '/decisions': {
    title: '集体决策',
    purpose: '本单位已作出的决定（含督办落实）和各状态的议题。可筛选后导出为 Excel。',
    rules: [
      { id: 'PG-01', text: '集体领导、个别酝酿、会议决定。' },
      { id: 'TZ-01', text: '“三重一大”事项必须集体讨论决定。' },
    ],
  },
  '/decisions/items/:id': {
    title: '议题',
    purpose: '一个议题的内容、能否上会（以及依据）、法定程序、征求意见、附件、上会情况和落实情况。',
    rules: [
      { id: 'PG-02', text: '议题须在议事清单范围内。' },
      { id: 'ZD-04', text: '重大行政决策须经专家论证。' },
      { id: 'ZD-05', text: '须进行风险评估。' },
      { id: 'ZD-06', text: '须经合法性审查。' },
      { id: 'SE-08', text: '干部任免事项讨论前须充分酝酿。' },
    ],
  },
  '/decisions/catalogue': {
    title: '议事清单',
    purpose: '哪些事项须由党组会议讨论决定。党组办公室维护，初始内容来自党组的任务和“三重一大”四类事项。',
    rules: [
      { id: 'PG-02', text: '议事内容实行清单管理。' },
      { id: 'PG-17', text: '党组的任务决定清单的初始类别。' },
      { id: 'TZ-02', text: '“三重一大”的金额标准由本单位确定。' },
    ],
  },
  '/decisions/tasks': {
    title: '督办',
    purpose: '会议决定的落实情况，逾期的排在最前。书记和党组办公室在这里跟踪。',
    rules: [{ id: 'ZD-09', text: '决策作出后须跟踪执行。' }],
  },
  '/decisions/violations': {
    title: '违规检测',
    purpose:
      '系统按规则自动发现的问题（例如会议未按期召开、纪要逾期）。人事、纪检部门可看本单位和下级单位。可筛选后导出为 Excel。',
    rules: [
      { id: 'DC-03', text: '违反民主集中制的纪律责任。' },
      { id: 'ZZ-03', text: '选人用人失职的追责情形。' },
      { id: 'PG-12', text: '会议记录与存档。' },
    ],
  },
  '/disclosures': {
    title: '个人有关事项报告',
    purpose: '本人须报告的事项、截止日期、已提交的报告、抽查核实结果和处理情况，以及谁查阅过您的报告。',
    rules: [
      { id: 'PM-01', text: '哪些人须报告。' },
      { id: 'PM-04', text: '每年集中报告的期限。' },
      { id: 'PM-05', text: '事项发生变化须及时报告。' },
    ],
  },
  '/disclosures/reports/:id': {
    title: '报告',
    purpose: '逐项填写报告（已预填上次的内容），提交时签名。提交后不能修改，更正以“补充更正”方式提交并注明日期。',
    rules: [
      { id: 'PM-02', text: '本人婚姻和家庭事项 8 项。' },
      { id: 'PM-03', text: '家庭财产事项 6 项。' },
      { id: 'FB-02', text: '如实报告配偶子女经商办企业情况。' },
    ],
  },
  '/disclosures/subjects': {
    title: '报告人员',
    purpose: '所管单位中须报告的人员、本年度报告和截止日期，以及特殊情况的登记。',
    rules: [{ id: 'PM-01', text: '报告主体的范围。' }],
  },
  '/disclosures/draws': {
    title: '随机抽查',
    purpose: '本年度的抽查：先公布名单、比例和承诺值，再用公开随机数抽取。任何人都可以下载文件自行验证。',
    rules: [DRAW_RULE],
  },
  '/disclosures/draws/:id': {
    title: '一次抽查',
    purpose:
      '抽查的每一步：公布名单、比例和种子承诺值；抽取时录入公开随机值并公开种子。可下载验证文件和抽查结果通知（.docx）。',
    steps: [
      '公布：名单、比例和承诺值固定下来。',
      '抽取：录入公开随机值，系统公开种子并算出抽中人员。',
      '验证：下载验证文件，在“抽查验证”页面复算。',
    ],
    rules: [DRAW_RULE],
  },
  '/disclosures/verify': {
    title: '抽查验证',
    purpose: '选择下载的抽查验证文件（.json），在浏览器里重新计算抽取结果，核对与公布的是否一致。文件不会上传。',
    rules: [DRAW_RULE],
  },
  '/disclosures/checks': {
    title: '查核',
    purpose: '随机抽查、重点查核和提拔前的“凡提必核”，分别列出。',
    rules: [DRAW_RULE],
  },
  '/disclosures/checks/:id': {
    title: '查核记录',
    purpose: '查核人录入登记机关的查询结果（已预填报告内容，只改不同之处），系统逐项判断是否一致并说明理由。',
    rules: [
      { id: 'PM-08', text: '漏报与隐瞒不报的认定。' },
      { id: 'PM-07', text: '财产明显超过正常收入须作出说明。' },
    ],
  },
  '/disclosures/cases': {
    title: '案件处理',
    purpose: '漏报、瞒报和亲属违规经商办企业的处理措施和期限。',
    rules: [
      { id: 'PM-09', text: '漏报、瞒报的处理。' },
      { id: 'FB-03', text: '亲属违规经商办企业的处理。' },
    ],
  },
  '/disclosures/stats': {
    title: '统计',
    purpose: '按单位和年度统计：按时报告率、补充更正、查核情况、一致率以及漏报瞒报的分布。',
  },
  '/ballots': {
    title: '民主测评与推荐',
    purpose: '您组织或可查看的测评、推荐，以及您可以登录后投票的场次。',
    rules: [{ id: 'C-01', text: '测评结果按类别分组时，人数过少的分组合并或不显示，保护匿名。' }],
  },
  '/ballots/new': {
    title: '新建测评',
    purpose: '从模板（班子、成员、推荐）建立一次测评。开始后所有设置都固定不变。',
    rules: [{ id: 'SE-03', text: '民主推荐的方式与顺序。' }],
  },
  '/ballots/:id/edit': {
    title: '编辑测评',
    purpose: '修改尚未开始的测评的设置。',
  },
  '/ballots/:id': {
    title: '测评场次',
    purpose: '一次测评的设置和摘要值、投票码、开始、会场屏幕、纸质票录入、结束和结果。',
    rules: [{ id: 'C-01', text: '最小分组人数。' }],
  },
  '/ballots/:id/results': {
    title: '测评结果',
    purpose: '各题的总计和分组结果、参与情况；可导出 Excel 和 Word。',
    rules: [
      { id: 'C-01', text: '人数过少的分组合并或不显示。' },
      { id: 'SE-04', text: '推荐结果的有效期。' },
    ],
  },
  '/ballots/:id/paper': {
    title: '纸质票录入',
    purpose: '两名录入员各自录入同一张纸质票，两次一致才计入；不一致的列出待第三人核对。',
  },
  '/ballots/:id/member-vote': {
    title: '登录投票',
    purpose: '登录后投票：系统只记录您已投票，不记录您投了什么。',
  },
  '/ballots/:id/hall': {
    title: '会场屏幕',
    purpose: '投影在会场：各类别已投票人数，每两秒刷新，从不显示投票内容。',
  },
  '/assessments': {
    title: '年度考核',
    purpose: '本人的考核等次、所管单位的评定批次和后续事项。',
    rules: [
      { id: 'KH-04', text: '个人与班子的考核等次。' },
      { id: 'KH-07', text: '不称职等次的后果。' },
    ],
  },
  '/assessments/:id': {
    title: '评定批次',
    purpose: '班子和每名成员的等次，旁边附民主测评结果；优秀比例超限时提示。',
    rules: [
      { id: 'KH-05', text: '优秀等次比例上限。' },
      { id: 'KH-06', text: '受处分、处理的不得评为优秀等次。' },
      { id: 'KH-07', text: '不称职等次的后果。' },
    ],
  },
};
