import { companyLogoMaxBytes, companyLogoTypes, type CompanyLogoType } from '@crm/contracts';
import type { MessageKey, TranslateVars } from '../../../app/i18n/translate';

export type LogoFileCheck = { ok: true; contentType: CompanyLogoType } | { ok: false; key: MessageKey; vars: TranslateVars };

/** A chosen logo file checked before it is sent (the server checks the bytes again): its type, then its size. */
export function checkLogoFile(file: { name: string; type: string; size: number }): LogoFileCheck {
  const type = companyLogoTypes.find((t) => t === file.type);
  if (!type) return { ok: false, key: 'settings.company.logoWrongType', vars: { name: file.name } };
  if (file.size > companyLogoMaxBytes) return { ok: false, key: 'settings.company.logoTooLarge', vars: { name: file.name, size: Math.ceil(file.size / 1024) } };
  return { ok: true, contentType: type };
}

/** The file's bytes as base64 (without the data: prefix a FileReader puts in front). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
