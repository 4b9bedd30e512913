import type { MilestoneTemplate } from '../../core/api';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Ready-made schedules; percents total 100 exactly. Names in English and Chinese. */
export const MILESTONE_TEMPLATES: MilestoneTemplate[] = [
  {
    id: 'review-poc-delivery-upgrade',
    name: t(
      'Architecture review / POC / Delivery / Annual upgrade (15/30/45/10)',
      '架构评审 / 概念验证 / 交付 / 年度升级（15/30/45/10）',
    ),
    milestones: [
      {
        name: t('Architecture review', '架构评审'),
        percent: '15',
        deliverable: t('Architecture assessment report', '架构评估报告'),
        acceptanceCriteria: t(
          'Report delivered and walked through with the client',
          '报告已交付并与客户逐项评审',
        ),
      },
      {
        name: t('Proof of concept', '概念验证（POC）'),
        percent: '30',
        deliverable: t('Working proof of concept', '可运行的概念验证'),
        acceptanceCriteria: t(
          'POC demonstrated against the agreed scenarios',
          '按约定场景完成演示',
        ),
      },
      {
        name: t('Delivery', '交付'),
        percent: '45',
        deliverable: t('Production release', '生产发布'),
        acceptanceCriteria: t(
          'v1.0.0 released, CI pipeline archived',
          'v1.0.0 已发布，CI 流水线已归档',
        ),
      },
      {
        name: t('Annual upgrade', '年度升级'),
        percent: '10',
        deliverable: t('Upgrade to current platform versions', '升级至当前平台版本'),
        acceptanceCriteria: t('Upgrade deployed and verified', '升级已部署并验证'),
      },
    ],
  },
  {
    id: 'kickoff-midpoint-completion',
    name: t('Kick-off / Midpoint / Completion (30/40/30)', '启动 / 中期 / 完工（30/40/30）'),
    milestones: [
      {
        name: t('Kick-off', '项目启动'),
        percent: '30',
        deliverable: t('Project plan', '项目计划'),
        acceptanceCriteria: t('Plan signed off', '计划已签字确认'),
      },
      {
        name: t('Midpoint', '中期'),
        percent: '40',
        deliverable: t('Interim results', '中期成果'),
        acceptanceCriteria: t('Interim review passed', '中期评审通过'),
      },
      {
        name: t('Completion', '完工'),
        percent: '30',
        deliverable: t('Final deliverables', '最终交付物'),
        acceptanceCriteria: t('Final acceptance signed', '最终验收已签字'),
      },
    ],
  },
  {
    id: 'upfront-delivery',
    name: t('Upfront / On delivery (50/50)', '预付 / 交付后（50/50）'),
    milestones: [
      {
        name: t('Upfront payment', '预付款'),
        percent: '50',
        deliverable: t('Signed contract', '已签署合同'),
        acceptanceCriteria: t('Contract signed by both parties', '双方已签署合同'),
      },
      {
        name: t('On delivery', '交付后付款'),
        percent: '50',
        deliverable: t('All deliverables', '全部交付物'),
        acceptanceCriteria: t('Deliverables accepted', '交付物已验收'),
      },
    ],
  },
  {
    id: 'discovery-build-handover-warranty',
    name: t(
      'Discovery / Build / Handover / Warranty (20/50/20/10)',
      '调研 / 开发 / 移交 / 质保（20/50/20/10）',
    ),
    milestones: [
      {
        name: t('Discovery', '需求调研'),
        percent: '20',
        deliverable: t('Requirements and solution design', '需求与方案设计'),
        acceptanceCriteria: t('Design approved', '方案已批准'),
      },
      {
        name: t('Build', '开发实施'),
        percent: '50',
        deliverable: t('Implemented solution in staging', '预发布环境中的实现'),
        acceptanceCriteria: t('Acceptance tests pass in staging', '预发布环境验收测试通过'),
      },
      {
        name: t('Handover', '移交'),
        percent: '20',
        deliverable: t('Runbooks and training', '运维手册与培训'),
        acceptanceCriteria: t('Client team operates the system', '客户团队可独立运维'),
      },
      {
        name: t('Warranty', '质保期'),
        percent: '10',
        deliverable: t('90-day warranty period', '90 天质保期'),
        acceptanceCriteria: t('No open P1/P2 defects at the end', '期满时无未关闭的 P1/P2 缺陷'),
      },
    ],
  },
];
