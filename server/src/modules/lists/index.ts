export { readLeadSources, readIndustries, matchListItem, defaultSourceList, sourcesKey, industriesKey } from './lists.settings.js';
