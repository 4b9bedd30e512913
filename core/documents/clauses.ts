import type { ClauseKey, Locale } from '../api';

/**
 * The standard wording of the contract and proposal clauses, in English and Simplified
 * Chinese. An engagement may replace any clause in either language (documents.terms.update);
 * these are what prints otherwise.
 *
 * The texts name no figures that live elsewhere: the liability cap (a percent of the
 * contract value), the governing law and the proposal's validity date are printed by the
 * templates from the engagement's document settings, and the clauses refer to them ("the
 * liability cap stated in the contract particulars"), so changing a setting never leaves a
 * clause saying something else.
 */

export interface StandardClause {
  key: ClauseKey;
  language: Locale;
  title: string;
  text: string;
}

type Wording = Record<Locale, { title: string; text: string }>;

const STANDARD: Record<ClauseKey, Wording> = {
  acceptance: {
    en: {
      title: 'Acceptance',
      text: [
        'When a milestone is complete, the Consultant notifies the Client in writing that its deliverables are ready for review, with what is needed to check them against the acceptance criteria agreed for that milestone.',
        'The Client reviews the deliverables within ten (10) business days of the notice and then either accepts them in writing or rejects them, listing in writing each respect in which they do not meet the acceptance criteria. The Consultant corrects the deficiencies listed within a reasonable time and submits the deliverables again; the same review period then applies to the corrected points only.',
        'A milestone is deemed accepted if the Client neither accepts nor rejects it with reasons within the review period, or if the Client uses the deliverables in live operation for purposes other than testing. Minor deficiencies that do not materially affect use do not entitle the Client to refuse acceptance; the Consultant corrects them as part of the next milestone.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '验收',
      text: [
        '每一里程碑完成后，顾问应书面通知客户该里程碑的交付成果已可供验收，并提供依照该里程碑约定的验收标准进行检验所需的资料。',
        '客户应自收到通知之日起十（10）个工作日内完成验收，并书面确认验收通过；如认为交付成果不符合验收标准，应在上述期限内书面逐项列明不符之处。顾问应在合理期限内完成整改并重新提交验收，重新验收仅限于整改事项，期限同上。',
        '客户在验收期限内既未确认验收、亦未书面说明理由提出异议的，或客户已将交付成果投入正式生产使用（测试用途除外）的，视为该里程碑验收通过。不实质影响使用的轻微瑕疵不构成拒绝验收的理由，顾问应在下一里程碑中予以修正。',
      ].join('\n\n'),
    },
  },
  liability: {
    en: {
      title: 'Limitation of liability',
      text: [
        "The Consultant's total liability arising out of or in connection with this contract, whether in contract, tort or otherwise, is limited to the liability cap stated in the contract particulars, expressed as a percentage of the total contract value.",
        'Neither party is liable to the other for indirect or consequential loss, including loss of profit, revenue, business or data, except where such loss could not have been avoided by the Client keeping reasonable, up-to-date backups.',
        'These limitations do not apply to liability for damage caused intentionally or by gross negligence, for injury to life, body or health, or to any other liability that cannot be limited or excluded under the governing law.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '责任限制',
      text: [
        '因本合同引起或与本合同有关的顾问全部责任，无论基于违约、侵权或其他原因，均以合同要项中载明的责任上限为限；该上限按合同总价款的一定比例计算。',
        '任何一方均不对另一方的间接损失或衍生损失承担责任，包括利润、收入、商业机会或数据的损失；但客户已按合理方式保持最新数据备份仍无法避免的数据损失除外。',
        '因故意或重大过失造成的损害、造成人身伤亡的责任，以及依照适用法律不得限制或免除的其他责任，不受上述限制。',
      ].join('\n\n'),
    },
  },
  confidentiality: {
    en: {
      title: 'Confidentiality',
      text: [
        'Each party keeps confidential all information of the other party that is marked as confidential or that a reasonable person would regard as confidential, including source code, system architecture, security findings, business data and the terms of this contract. Each party uses such information only to perform this contract and discloses it only to employees and subcontractors who need it for that purpose and are bound by equivalent obligations.',
        'This obligation does not cover information that is or becomes public without breach of this clause, that the receiving party already lawfully held or independently developed, or that it must disclose by law or by order of a court or authority, in which case it informs the other party promptly where permitted.',
        'The obligation continues for three (3) years after the end of this contract, and for trade secrets and personal data for as long as they remain such. On request, each party returns or deletes the confidential information of the other, except copies it must keep by law.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '保密',
      text: [
        '双方应对另一方标明为保密、或按常理应视为保密的全部信息承担保密义务，包括源代码、系统架构、安全评估结果、业务数据及本合同条款。接收方仅可为履行本合同之目的使用该等信息，且仅可向因履行本合同确有需要、并承担同等保密义务的员工和分包方披露。',
        '下列信息不受本条约束：非因违反本条而已经或变为公开的信息；接收方此前已合法持有或独立开发的信息；依照法律规定或法院、主管机关要求必须披露的信息，但接收方应在法律允许的范围内及时通知另一方。',
        '保密义务在本合同终止后继续有效三（3）年；商业秘密和个人信息在其仍属商业秘密或个人信息期间持续有效。经一方要求，另一方应返还或删除其保密信息，依法须保留的副本除外。',
      ].join('\n\n'),
    },
  },
  intellectualProperty: {
    en: {
      title: 'Intellectual property',
      text: [
        'Upon full payment of the fees for a deliverable, the Client owns the deliverables created specifically for the Client under this contract, including all rights of use in them.',
        'The Consultant retains all rights in its pre-existing know-how, methods, tools, libraries, templates and other materials developed independently of this contract. Where such materials form part of a deliverable, the Client receives a non-exclusive, perpetual, irrevocable and royalty-free licence to use them as part of that deliverable. Third-party and open-source components remain subject to their own licence terms.',
        'Until full payment, the Client may use the deliverables for review and testing only. The Consultant may reuse general knowledge and experience gained in the engagement, provided that no confidential information of the Client is disclosed.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '知识产权',
      text: [
        '客户付清某项交付成果的全部费用后，即取得顾问依本合同专门为客户制作的该项交付成果的所有权及全部使用权利。',
        '顾问保留其既有专有技术、方法、工具、代码库、模板以及独立于本合同开发的其他资料的全部权利。该等资料构成交付成果一部分的，客户获得作为该交付成果组成部分使用该等资料的非独占、永久、不可撤销且免费的许可。第三方组件和开源组件仍适用其各自的许可条款。',
        '在付清全部费用之前，客户仅可为验收和测试目的使用交付成果。顾问可以继续使用在本项目中积累的一般知识和经验，但不得披露客户的任何保密信息。',
      ].join('\n\n'),
    },
  },
  termination: {
    en: {
      title: 'Termination',
      text: [
        'Either party may terminate this contract for convenience by giving thirty (30) days’ written notice. Either party may terminate it with immediate effect by written notice if the other party materially breaches it and does not remedy the breach within fourteen (14) days of a written request to do so, or if the other party becomes insolvent.',
        'On termination, the Client pays for all work performed up to the effective date of termination: accepted milestones in full, and work in progress on a pro-rata basis at the agreed rates, together with any non-cancellable expenses reasonably incurred. The Consultant delivers the work results paid for in their current state.',
        'The clauses on confidentiality, intellectual property, limitation of liability and governing law survive termination.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '合同终止',
      text: [
        '任何一方均可提前三十（30）日书面通知对方解除本合同。一方严重违约，且在收到另一方书面纠正通知后十四（14）日内仍未纠正的，或一方丧失清偿能力的，另一方可书面通知立即解除本合同。',
        '合同解除时，客户应支付截至解除生效之日已完成工作的费用：已验收的里程碑全额支付，进行中的工作按约定费率依完成比例支付，并承担顾问已合理发生且无法取消的费用。顾问应按现状交付客户已付费的工作成果。',
        '有关保密、知识产权、责任限制及适用法律的条款在合同终止后继续有效。',
      ].join('\n\n'),
    },
  },
  governingLaw: {
    en: {
      title: 'Governing law and jurisdiction',
      text: [
        'This contract and any dispute arising out of or in connection with it are governed by the law stated in the contract particulars, excluding its conflict-of-laws rules and the UN Convention on Contracts for the International Sale of Goods (CISG).',
        'The parties will first try in good faith to settle any dispute by negotiation. Failing agreement within thirty (30) days, the courts at the place of jurisdiction stated in the contract particulars have exclusive jurisdiction.',
        'Amendments to this contract must be made in writing. Should any provision be or become invalid, the remaining provisions remain in force, and the parties will replace the invalid provision with a valid one that comes as close as possible to its economic purpose.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '适用法律与争议解决',
      text: [
        '本合同以及因本合同引起或与本合同有关的任何争议，适用合同要项中载明的法律，但不适用其冲突规范及《联合国国际货物销售合同公约》。',
        '双方应首先本着诚信原则协商解决争议；自争议提出之日起三十（30）日内协商不成的，由合同要项中载明的管辖地法院专属管辖。',
        '对本合同的任何修改均应以书面形式作出。本合同任何条款无效或被认定无效的，不影响其余条款的效力，双方应以最接近原条款经济目的的有效条款替代。',
      ].join('\n\n'),
    },
  },
  slaExclusions: {
    en: {
      title: 'Service level exclusions',
      text: [
        'When measuring the service levels, the following are not counted as downtime or as a breach: (a) planned maintenance announced at least five (5) business days in advance, or agreed with the Client, within the agreed maintenance windows; (b) events of force majeure, meaning events beyond the reasonable control of the Consultant, such as natural disasters, war, epidemics, official orders, or failures of public networks and power supplies; (c) unavailability caused by the Client, its users or its other contractors, including changes made without the Consultant’s agreement, misuse, and delays in providing access, information or approvals.',
        'Service credits are the Client’s sole remedy for missed service levels, are capped as stated in each service level clause, and are granted as a credit note against the fees of the affected period, not paid out. The Client claims a credit in writing within the claim period stated in the service level clause.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '服务水平除外情形',
      text: [
        '计算服务水平时，下列情形不计入停机时间，亦不构成违约：（一）在约定的维护时段内进行、且至少提前五（5）个工作日通知或经客户同意的计划内维护；（二）不可抗力，即超出顾问合理控制范围的事件，如自然灾害、战争、疫情、政府行为，以及公共网络或电力供应故障；（三）因客户、其用户或其其他服务商造成的不可用，包括未经顾问同意进行的变更、不当使用，以及迟延提供访问权限、信息或审批。',
        '服务抵扣是客户就未达服务水平可获得的唯一救济，以各服务水平条款载明的上限为限，并以贷项通知单冲抵受影响期间的服务费，不以现金支付。客户应在服务水平条款载明的申请期限内书面提出抵扣申请。',
      ].join('\n\n'),
    },
  },
  proposalTerms: {
    en: {
      title: 'Terms of this proposal',
      text: [
        'This proposal is valid until the date stated on it. After that date, the Consultant may revise the scope, schedule and fees.',
        'Fees are fixed for the scope described and are stated net of value added tax or other applicable taxes, which are added at the statutory rate. Work outside the described scope is agreed in writing beforehand and charged at the agreed day rate. Reasonable travel and other expenses are charged at cost where agreed in advance.',
        'Fees are invoiced according to the milestone schedule once each milestone is accepted, and are payable within the payment term stated on the invoice without deduction. The engagement begins once the Client accepts this proposal in writing; the contract terms attached to it then apply.',
      ].join('\n\n'),
    },
    'zh-CN': {
      title: '报价说明',
      text: [
        '本方案有效期至方案所载日期。逾期后，顾问有权调整工作范围、进度安排和费用。',
        '费用按所述工作范围固定计价，不含增值税及其他应缴税费，税费按法定税率另行计收。超出所述范围的工作须事先书面确认，并按约定的人天费率计费。经事先同意的合理差旅费及其他费用按实际发生额结算。',
        '费用按里程碑付款计划在各里程碑验收后开具发票，客户应在发票载明的付款期限内足额支付，不得扣减。客户书面确认接受本方案后项目即行启动，随附的合同条款同时生效。',
      ].join('\n\n'),
    },
  },
};

export const CLAUSE_KEYS = Object.keys(STANDARD) as ClauseKey[];

/** The standard title and text of a clause in a language. */
export function standardClause(key: ClauseKey, language: Locale): StandardClause {
  const wording = STANDARD[key][language];
  return { key, language, title: wording.title, text: wording.text };
}
