import type { leads as en } from '../en/leads';

/** 中文：线索。 */
export const leads: Record<keyof typeof en, string> = {
};
