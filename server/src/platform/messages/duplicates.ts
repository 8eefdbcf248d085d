/** Server messages of this part of the archive, in both languages (merged into the catalogue in i18n.ts). */
export const duplicatesMessages = {
} as const;
