import type { Messages } from './en';
import { zhCNFirst } from './zh-cn-first';
import { zhCNRest } from './zh-cn-rest';

/** 简体中文: the same catalogue and the same two parts as the English one (en.ts). */
export const zhCN: Messages = { ...zhCNFirst, ...zhCNRest };
