import { z } from 'zod';
import { email, id, listOf, pageQuery, queryInt, recordMeta, settingsVersion, text, versionField } from './common.js';
import { creditStandings, customerKinds, genders } from './customers.js';
import { mobile } from './org.js';
import { phoneField } from './phones.js';
import { multiline, multilineMeta, multilineString } from './text.js';

/**
 * Leads (线索 / 潜在客户): DOMAIN.md section 3. A lead is a lead card that a user qualifies with
 * MAN and converts into a customer, a contact and optionally an opportunity.
 */

/** Where leads come from (线索来源); the list shown to users is editable (`/settings/lead-sources`). */
export const defaultLeadSources = [
  'referral', // 客户引荐 (names the referring customer)
  'center_of_influence', // 中心开花
  'market_research', // 市场咨询
  'telemarketing', // 电话营销
  'lead_platform', // 平台获取
  'directory', // 资料分析/名录
  'door_to_door', // 地毯式搜索
  'advertising', // 广告收集
  'seminar', // 讨论会/会议
  'direct_mail', // 函件
  'exhibition', // 展会
  'map', // 地图
  'video_site', // 视频网站
  'media_search', // 媒体与新闻搜索
  'personal_network', // 个人关系
  'competitor_customer', // 竞争对手的客户
  'observation', // 观察
  'web_form', // 网站表单
  'other',
] as const;
/** A source key: the defaults above or one an administrator added (a-z, 0-9, _). */
export const leadSourceKey = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'a-z, 0-9, _' });

export const leadSource = z
  .object({
    key: leadSourceKey,
    // 80: an industry's English name, or a customer's old free-text source kept as an item.
    labelZh: z.string().trim().min(1).max(80),
    labelEn: z.string().trim().min(1).max(80),
    /** Inactive sources stay on old leads but are not offered for new ones. */
    active: z.boolean().default(true),
  })
  .strict();
export type LeadSource = z.output<typeof leadSource>;
export const leadSourcesState = z.object({ items: z.array(leadSource), version: z.number().int() });
export type LeadSourcesState = z.infer<typeof leadSourcesState>;
/** PUT /settings/lead-sources: the whole list, in display order (keys unique). */
export const leadSourcesUpdate = z
  .object({ items: z.array(leadSource).min(1).max(100), version: settingsVersion })
  .strict();
export type LeadSourcesUpdate = z.input<typeof leadSourcesUpdate>;

export const leadStatuses = ['new', 'contacting', 'qualified', 'converted', 'disqualified'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

/**
 * MAN grades (DOMAIN.md section 3). Capital letter = has it. Rank: 1 ideal (MAN); 2 reachable
 * with a specific approach (MAn, MaN, mAN); 3 cultivate long-term (maN, mAn, Man); 4 not a
 * prospect (man). The advice for each grade is in the i18n catalogues under `man.<grade>`.
 */
export const manGrades = ['MAN', 'MAn', 'MaN', 'mAN', 'maN', 'mAn', 'Man', 'man'] as const;
export type ManGrade = (typeof manGrades)[number];
export const manRanks: Record<ManGrade, 1 | 2 | 3 | 4> = { MAN: 1, MAn: 2, MaN: 2, mAN: 2, maN: 3, mAn: 3, Man: 3, man: 4 };
/** The grade of three answers, or null while any is unanswered. */
export function manGradeOf(money: boolean | null, authority: boolean | null, need: boolean | null): ManGrade | null {
  if (money === null || authority === null || need === null) return null;
  return `${money ? 'M' : 'm'}${authority ? 'A' : 'a'}${need ? 'N' : 'n'}` as ManGrade;
}

export const leadSorts = ['updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'name', '-name', 'grade', '-grade'] as const;

const leadFields = {
  kind: z.enum(customerKinds),
  /** The person's name (for an organisation lead: the contact person). */
  name: z.string().trim().min(1).max(120),
  company: text(120),
  jobTitle: text(60),
  gender: z.enum(genders).nullable(),
  age: z.number().int().min(0).max(150).nullable(),
  mobile: mobile.nullable(),
  phone: phoneField.nullable(),
  email: email.nullable(),
  wechat: text(60),
  province: text(30),
  city: text(30),
  district: text(30),
  address: text(200),
  industry: text(60),
  occupation: text(60),
  /** Minor units (fen). */
  annualIncome: z.number().int().min(0).max(1e13).nullable(),
  source: leadSourceKey,
  /** For a referral: the customer who referred them. */
  referrerCustomerId: z.number().int().positive().max(2_147_483_647).nullable(),
  creditStanding: z.enum(creditStandings).nullable(),
  notes: multiline(2000),
  ownerId: z.number().int().positive().max(2_147_483_647).nullable(),
  /** MAN answers: null = not assessed yet. */
  manMoney: z.boolean().nullable(),
  manAuthority: z.boolean().nullable(),
  manNeed: z.boolean().nullable(),
};

/** POST /leads. Without `ownerId` the lead is the creator's (for holders of leads.assign the assignment rules pick the owner); null: the lead pool. */
export const leadCreate = z
  .object({ ...leadFields, kind: leadFields.kind.default('person') })
  .partial({
    company: true, jobTitle: true, gender: true, age: true, mobile: true, phone: true, email: true, wechat: true,
    province: true, city: true, district: true, address: true, industry: true, occupation: true, annualIncome: true,
    referrerCustomerId: true, creditStanding: true, notes: true, ownerId: true, manMoney: true, manAuthority: true, manNeed: true,
  })
  .strict();
export type LeadCreate = z.input<typeof leadCreate>;

/** PATCH /leads/:id. Status moves between new / contacting / qualified here; convert and disqualify have their own calls. */
export const leadUpdate = z
  .object({ ...leadFields, status: z.enum(['new', 'contacting', 'qualified']) })
  .partial()
  .extend(versionField)
  .strict();
export type LeadUpdate = z.input<typeof leadUpdate>;

export const lead = z.object({
  ...recordMeta,
  kind: z.enum(customerKinds),
  name: z.string(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  age: z.number().int().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  wechat: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  industry: z.string().nullable(),
  occupation: z.string().nullable(),
  annualIncome: z.number().int().nullable(),
  source: z.string(),
  referrerCustomerId: z.number().int().nullable(),
  referrerCustomerName: z.string().nullable(),
  creditStanding: z.enum(creditStandings).nullable(),
  notes: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  ownerSince: z.string().nullable(),
  status: z.enum(leadStatuses),
  disqualifyReason: z.string().nullable(),
  manMoney: z.boolean().nullable(),
  manAuthority: z.boolean().nullable(),
  manNeed: z.boolean().nullable(),
  manGrade: z.enum(manGrades).nullable(),
  /** 1 ideal ... 4 not a prospect; null until graded. */
  manRank: z.number().int().nullable(),
  /** The web form it came in through, if any. */
  formId: z.number().int().nullable(),
  convertedCustomerId: z.number().int().nullable(),
  convertedContactId: z.number().int().nullable(),
  convertedOpportunityId: z.number().int().nullable(),
  convertedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), convert: z.boolean(), assign: z.boolean(), claim: z.boolean() }),
});
export type Lead = z.infer<typeof lead>;
export const leadList = listOf(lead);

const csv = z
  .string()
  .max(500)
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const leadListQuery = z
  .object({
    ...pageQuery,
    sort: z.enum(leadSorts).default('-updatedAt'),
    status: csv.pipe(z.array(z.enum(leadStatuses))).optional(),
    /** Comma list of grades, e.g. `MAN,MAn`. */
    grade: csv.pipe(z.array(z.enum(manGrades))).optional(),
    /** 1-4: leads of this rank; `none` for not graded yet. */
    rank: z.union([z.literal('none'), queryInt(1, 4)]).optional(),
    source: leadSourceKey.optional(),
    /** A user id, or `none` for the lead pool. */
    ownerId: z.union([z.literal('none'), id]).optional(),
    province: z.string().trim().max(30).optional(),
    gender: z.enum(genders).optional(),
    creditStanding: z.enum(creditStandings).optional(),
    formId: id.optional(),
    createdFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    createdTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();
export type LeadListQuery = z.input<typeof leadListQuery>;

/** POST /leads/:id/disqualify */
export const leadDisqualify = z.object({ reason: multilineString(500).min(1), version: z.number().int().positive().max(2_147_483_647) }).strict();
export type LeadDisqualify = z.input<typeof leadDisqualify>;

/** POST /leads/assign: give leads (1-500) to one user, all or none. */
export const leadAssign = z
  .object({ leadIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(500), ownerId: z.number().int().positive().max(2_147_483_647) })
  .strict();
export type LeadAssign = z.input<typeof leadAssign>;

/** POST /leads/:id/release: back to the lead pool. */
export const leadRelease = z.object({ reason: multiline(500).optional() }).strict();

/**
 * POST /leads/:id/convert: in one transaction, a customer (new, or `customerId` of an existing
 * one in the caller's scope), a contact on it, and optionally an opportunity. The lead's source
 * carries over to the customer (when new) and the opportunity.
 */
export const leadConvert = z
  .object({
    version: z.number().int().positive().max(2_147_483_647),
    customer: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('existing'), customerId: z.number().int().positive().max(2_147_483_647) }).strict(),
      z
        .object({
          mode: z.literal('new'),
          /** Defaults: the lead's company (organisation) or name (person). */
          name: z.string().trim().min(1).max(120).optional(),
          kind: z.enum(customerKinds).optional(),
        })
        .strict(),
    ]),
    /** The contact made from the lead's person; false for a person lead that is the customer itself. */
    createContact: z.boolean().default(true),
    opportunity: z
      .object({
        name: z.string().trim().min(1).max(120),
        amount: z.number().int().min(0).max(1e15),
        currency: z.string().regex(/^[A-Z]{3}$/, { message: 'currency' }).default('CNY'),
        expectedCloseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD' }),
        pipelineId: z.number().int().positive().max(2_147_483_647).optional(),
        stageId: z.number().int().positive().max(2_147_483_647).optional(),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type LeadConvert = z.input<typeof leadConvert>;
export const leadConvertResult = z.object({
  lead: lead,
  customerId: z.number().int(),
  contactId: z.number().int().nullable(),
  opportunityId: z.number().int().nullable(),
});
export type LeadConvertResult = z.infer<typeof leadConvertResult>;

/** Matches of a lead's phone / email / organisation name among leads and customers. */
export const leadDuplicateCheck = z
  .object({
    name: z.string().trim().max(120).optional(),
    company: z.string().trim().max(120).optional(),
    mobile: z.string().trim().max(30).optional(),
    phone: z.string().trim().max(30).optional(),
    email: z.string().trim().max(254).optional(),
    excludeLeadId: z.number().int().positive().max(2_147_483_647).optional(),
  })
  .strict();
export type LeadDuplicateCheck = z.input<typeof leadDuplicateCheck>;
export const leadDuplicateMatch = z.object({
  type: z.enum(['lead', 'customer']),
  /** Id and name only when visible. */
  id: z.number().int().optional(),
  name: z.string().optional(),
  ownerName: z.string().nullable(),
  /** Which keys matched: 'phone', 'email', 'name'. */
  matchedOn: z.array(z.string()),
  /** False when the record is outside the caller's scope: it says only that it exists and who owns it. */
  visible: z.boolean(),
});
export const leadDuplicateResult = z.object({ matches: z.array(leadDuplicateMatch) });
export type LeadDuplicateResult = z.infer<typeof leadDuplicateResult>;

/**
 * Assignment rules (分配规则), tried in order for a lead created without an owner: the first
 * rule that matches picks the owner; no match leaves the lead in the lead pool.
 * - round_robin: next user of `userIds` in turn (a team), for leads of any source/region unless
 *   `sources` narrows it;
 * - region: leads whose province is one of `provinces` go to `userIds` in turn;
 * - source: leads whose source is one of `sources` go to `userIds` in turn.
 * Inactive users are skipped.
 */
export const assignmentRuleKinds = ['round_robin', 'region', 'source'] as const;
export const assignmentRule = z
  .object({
    /** Stable id (client-generated), keeps the round-robin turn across edits. */
    id: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    kind: z.enum(assignmentRuleKinds),
    enabled: z.boolean().default(true),
    userIds: z.array(z.number().int().positive().max(2_147_483_647)).min(1).max(200),
    provinces: z.array(z.string().trim().min(1).max(30)).max(100).default([]),
    sources: z.array(leadSourceKey).max(100).default([]),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.kind === 'region' && rule.provinces.length === 0) ctx.addIssue({ code: 'custom', path: ['provinces'], message: 'required' });
    if (rule.kind === 'source' && rule.sources.length === 0) ctx.addIssue({ code: 'custom', path: ['sources'], message: 'required' });
  });
export type AssignmentRule = z.output<typeof assignmentRule>;
export const assignmentRulesState = z.object({ rules: z.array(assignmentRule), version: z.number().int() });
export type AssignmentRulesState = z.infer<typeof assignmentRulesState>;
export const assignmentRulesUpdate = z
  .object({ rules: z.array(assignmentRule).max(50), version: settingsVersion })
  .strict();
export type AssignmentRulesUpdate = z.input<typeof assignmentRulesUpdate>;

/**
 * Public web forms (网站表单): an administrator picks the lead fields the form asks for; the
 * link `/f/<token>` shows it and `POST /public/forms/<token>` takes submissions (honeypot field
 * `website_url`, a per-IP limit, 16 KB body limit).
 */
export const leadFormFieldKeys = [
  'name', 'company', 'jobTitle', 'gender', 'age', 'mobile', 'phone', 'email', 'wechat',
  'province', 'city', 'address', 'industry', 'notes',
] as const;
export type LeadFormFieldKey = (typeof leadFormFieldKeys)[number];
export const leadFormField = z
  .object({
    field: z.enum(leadFormFieldKeys),
    required: z.boolean().default(false),
    /** Shown instead of the default label. */
    label: text(60).optional(),
  })
  .strict();
const leadFormShape = {
  name: z.string().trim().min(1).max(120),
  title: text(200).optional(),
  description: multiline(2000).optional(),
  /** `name` must be among them, and required. */
  fields: z.array(leadFormField).min(1).max(leadFormFieldKeys.length),
  thankYou: multilineString(2000).min(1),
  source: leadSourceKey,
  active: z.boolean(),
};
export const leadFormWrite = z
  .object({ ...leadFormShape, source: leadSourceKey.default('web_form'), active: z.boolean().default(true) })
  .strict();
export const leadFormCreate = leadFormWrite;
export type LeadFormCreate = z.input<typeof leadFormCreate>;
// Built from the shape without defaults: in Zod 4 `.partial()` keeps a default, and a PATCH that
// leaves out `source` or `active` would reset them.
export const leadFormUpdate = z.object(leadFormShape).partial().extend(versionField).strict();
export type LeadFormUpdate = z.input<typeof leadFormUpdate>;
export const leadForm = z.object({
  ...recordMeta,
  token: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  fields: z.array(z.object({ field: z.enum(leadFormFieldKeys), required: z.boolean(), label: z.string().nullable().optional() })),
  thankYou: z.string(),
  source: z.string(),
  active: z.boolean(),
  submissionCount: z.number().int(),
  /** Path of the public page, e.g. `/f/abc123`. */
  url: z.string(),
  /** HTML to paste into a web page (an iframe of the public page). */
  embedHtml: z.string(),
});
export type LeadForm = z.infer<typeof leadForm>;
export const leadFormList = listOf(leadForm);

/** GET /public/forms/:token: what the public page needs, nothing else. */
export const publicLeadForm = z.object({
  title: z.string(),
  description: z.string().nullable(),
  fields: z.array(z.object({ field: z.enum(leadFormFieldKeys), required: z.boolean(), label: z.string().nullable().optional() })),
});
export type PublicLeadForm = z.infer<typeof publicLeadForm>;
/**
 * POST /public/forms/:token: values by field key, plus the honeypot (must stay empty). A value may
 * hold line breaks here; the lead's own schema then decides field by field (notes may, a name not).
 */
export const publicLeadSubmission = z
  .object({
    values: z.record(z.string().max(40), z.union([z.string().max(2000).meta(multilineMeta), z.number()])),
    website_url: z.string().max(500).optional(),
  })
  .strict();
export type PublicLeadSubmission = z.input<typeof publicLeadSubmission>;
export const publicLeadSubmissionResult = z.object({ thankYou: z.string() });
export type PublicLeadSubmissionResult = z.infer<typeof publicLeadSubmissionResult>;
