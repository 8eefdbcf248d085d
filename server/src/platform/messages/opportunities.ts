/** Server messages of opportunities, pipelines, the forecast and the sales settings (merged into the catalogue in i18n.ts). */
export const opportunitiesMessages = {
  opportunityNoRate: {
    en: 'There is no exchange rate for this currency. An administrator can add one in the sales settings.',
    'zh-CN': '该币种没有汇率，请管理员在销售设置中添加。',
  },
  opportunityUnknownPipeline: { en: 'No such active pipeline.', 'zh-CN': '销售流程不存在或已停用。' },
  opportunityUnknownStage: { en: 'Not an active stage of this pipeline.', 'zh-CN': '不是该销售流程中启用的阶段。' },
  opportunityStartsOpen: {
    en: 'A new deal starts in an open stage; mark it won or lost afterwards.',
    'zh-CN': '新商机须处于进行中的阶段，之后再标记赢单或输单。',
  },
  opportunityContactNotOfCustomer: { en: "This contact does not belong to the deal's customer.", 'zh-CN': '该联系人不属于此商机的客户。' },
  opportunityDuplicateContact: { en: 'This contact is listed twice.', 'zh-CN': '该联系人重复。' },
  opportunityOwnerOutsideScope: {
    en: 'You can only give deals to active users within your data scope.',
    'zh-CN': '只能把商机分配给您数据范围内的在职用户。',
  },
  opportunityOwnerNeedsAssign: { en: 'You may not change the owner of a deal.', 'zh-CN': '您无权更改商机负责人。' },
  opportunityWonAmountRequired: { en: 'Enter the final amount of the won deal.', 'zh-CN': '请填写赢单的最终金额。' },
  opportunityLostReasonRequired: { en: 'Choose why the deal was lost.', 'zh-CN': '请选择输单原因。' },
  opportunityUnknownLostReason: { en: 'Not an active lost reason of the sales settings.', 'zh-CN': '不是销售设置中启用的输单原因。' },
  opportunityUnknownOpportunity: { en: 'No such deal.', 'zh-CN': '商机不存在。' },
  opportunityCustomerDeleted: {
    en: 'Restore the customer this deal belongs to first.',
    'zh-CN': '请先恢复该商机所属的客户。',
  },
  forecastMonth: { en: 'Not a valid month (YYYY-MM).', 'zh-CN': '月份无效（格式 YYYY-MM）。' },
  forecastRange: {
    en: 'Choose 1 to 24 months, the first not after the last.',
    'zh-CN': '请选择 1 到 24 个月，起始月份不能晚于结束月份。',
  },
  pipelineWonLost: {
    en: 'A pipeline needs at least one open stage, exactly one won stage and exactly one lost stage.',
    'zh-CN': '销售流程须至少有一个进行中阶段，且恰好有一个赢单阶段和一个输单阶段。',
  },
  pipelineUnknownStage: { en: 'This stage does not belong to this pipeline.', 'zh-CN': '该阶段不属于此销售流程。' },
  pipelineDuplicateStage: { en: 'This stage is listed twice.', 'zh-CN': '该阶段重复。' },
  pipelineStageHasOpenDeals: {
    en: 'This stage still holds open deals. Move them to another stage before removing it.',
    'zh-CN': '该阶段仍有进行中的商机，请先将其移到其他阶段再删除。',
  },
  pipelineStageKindInUse: {
    en: 'The kind of a stage that holds deals cannot change.',
    'zh-CN': '已有商机的阶段不能更改类型。',
  },
  pipelineNeedsDefault: {
    en: 'Make another pipeline the default instead; there is always one default pipeline.',
    'zh-CN': '请改为将其他销售流程设为默认；系统始终需要一个默认流程。',
  },
  pipelineDefaultActive: { en: 'The default pipeline cannot be deactivated.', 'zh-CN': '默认销售流程不能停用。' },
  salesDuplicateReason: { en: 'This key is used twice.', 'zh-CN': '该标识重复。' },
  salesBaseRate: { en: 'The base currency needs no rate.', 'zh-CN': '本位币不需要汇率。' },
} as const;
