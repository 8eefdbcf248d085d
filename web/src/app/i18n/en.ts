/**
 * English messages, one file per part of the app in ./en/, in two parts: the phone's customer
 * list (en-first.ts) and the rest (en-rest.ts), each loaded when first needed (translate.ts). The
 * keys are the catalogue: zh-CN (./zh-cn/, same files, same parts) must define every one of them.
 */
import { enFirst } from './en-first';
import { enRest } from './en-rest';

export const en = { ...enFirst, ...enRest } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type FirstMessages = Record<keyof typeof enFirst, string>;
export type RestMessages = Record<keyof typeof enRest, string>;
