import type { opportunities as en } from '../en/opportunities';

/** 中文：商机。 */
export const opportunities: Record<keyof typeof en, string> = {
};
