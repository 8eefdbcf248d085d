/** English: the customer record page (facts, the composer over the timeline, related records) and what its timeline names. */
export const recordPage = {
  'activity.centreTitle': 'Follow-ups and timeline',
  'activity.viewTimeline': 'Everything',
  'activity.viewFollowUps': 'Follow-ups',
  'customer.tabActivity': 'Activity',
  'customer.tabRelated': 'Related',
  'customer.contactsCard': 'Contacts ({count})',
  'history.entity.opportunity': 'deal {name}',
  'history.entity.lead': 'lead {name}',
  'opp.historyContacts': '{n} contacts',
} as const;
