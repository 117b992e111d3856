/**
 * Account rules (issue 8 §1): the separation of the three admins, credentials set by their holder
 * only, and login failure handling, from the level-3 requirements of GB/T 22239-2019. The clause
 * numbers and wording were read in third-party copies of the standard (hence VERIFIED-SECONDARY).
 * No parameters: the numbers are fixed in code and the deployment settings (docs/security.md).
 */
import type { RuleDef } from './types.js';

const DENGBAO = '《信息安全技术 网络安全等级保护基本要求》';

export const ACCOUNT_RULES: RuleDef[] = [
  {
    id: 'AC-01',
    section: '17a',
    title_zh: '三员分立：管理员权限分离与双人确认',
    title_en: 'Three separated admins: separated admin duties, two-person confirmation',
    summary_zh:
      '系统管理员、安全管理员、安全审计员各持一种管理员角色，不关联人员档案、不持业务角色、不读业务数据。账户关联或解除关联人员、重置已关联人员账户的鉴别信息，须安全管理员确认；新建、启用、停用管理员账户和重置管理员的鉴别信息，须另一类管理员确认（或在服务器上用命令行办理，记入审计日志）；申请人不能确认自己的申请；业务角色只授予已关联人员的账户。',
    citation: { doc: DENGBAO, version: 'GB/T 22239-2019 第三级 8.1.4.2 d)、8.1.5', article: '' },
    label: 'VERIFIED-SECONDARY',
    kind: 'block',
    module: 'accounts',
    counting: 'none',
    params: [],
    encoded: true,
  },
  {
    id: 'AC-02',
    section: '17a',
    title_zh: '鉴别信息由持有人本人设定（激活码）',
    title_en: 'Credentials are set by their holder (activation codes)',
    summary_zh:
      '任何管理员都不设定、不知悉他人的可用密码：新建或重置账户只产生一次性激活码（只显示一次，系统只存摘要，72 小时内有效，用过即失效），由持有人本人设定密码；管理员账户和已关联人员的账户，激活码分为两段，分别由两名不同类别的管理员交付。密码至少 10 位，含小写字母、大写字母、数字、符号中的三类，不含用户名。',
    citation: { doc: DENGBAO, version: 'GB/T 22239-2019 第三级 8.1.4.1 a)、8.1.4.2 d)', article: '' },
    label: 'VERIFIED-SECONDARY',
    kind: 'block',
    module: 'accounts',
    counting: 'none',
    params: [],
    encoded: true,
  },
  {
    id: 'AC-03',
    section: '17a',
    title_zh: '登录失败处理',
    title_en: 'Login failure handling',
    summary_zh:
      '同一账户在同一地址连续 5 次登录失败，该地址对该账户暂停 15 分钟，其他地址不受影响（猜测密码不能锁死管理员）；每个地址每分钟的失败次数超过上限后暂停登录尝试，成功的登录不计数；账户不存在、已停用、已锁定、未激活与密码错误作同样答复，真实原因记入审计日志；系统管理员可在界面或服务器命令行解除锁定；会话空闲 30 分钟自动退出。',
    citation: { doc: DENGBAO, version: 'GB/T 22239-2019 第三级 8.1.4.1 b)', article: '' },
    label: 'VERIFIED-SECONDARY',
    kind: 'block',
    module: 'accounts',
    counting: 'none',
    params: [],
    encoded: true,
  },
];
