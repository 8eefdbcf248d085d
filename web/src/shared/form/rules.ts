import type { FormRule } from 'antd';
import { email as emailSchema, phoneProblem, type PhoneKind } from '@crm/contracts';
import { useMemo } from 'react';
import { useT } from '../../app/i18n/i18n-context';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Client-side rules that mirror the shared zod schemas, with messages in the UI language.
 * The server validates again; its field errors are shown the same way.
 */
export function useFormRules() {
  const t = useT();
  return useMemo(() => {
    // The shared check, so the form says what the server would: a China mobile of 11 digits, a landline with its area code...
    const phoneRule = (kind: PhoneKind): FormRule => ({
      validator: async (_rule, value: unknown) => {
        if (isBlank(value) || typeof value !== 'string') return;
        const problem = phoneProblem(value, kind);
        if (problem) throw new Error(t(`phone.problem.${problem}`));
      },
    });
    return {
      required: { required: true, whitespace: true, message: t('common.required') } satisfies FormRule,
      requiredChoice: { required: true, message: t('common.required') } satisfies FormRule,
      max: (max: number): FormRule => ({ max, message: t('common.tooLong', { max }) }),
      /** A landline with its area code or a mobile (the server's `phone` fields). */
      phone: phoneRule('phone'),
      /** A mobile number, China or foreign (the server's `mobile` fields). */
      mobile: phoneRule('mobile'),
      email: {
        validator: async (_rule, value: unknown) => {
          if (isBlank(value)) return;
          if (!emailSchema.safeParse(value).success) throw new Error(t('common.invalidEmail'));
        },
      } satisfies FormRule,
      range: (min: number, max: number): FormRule => ({
        type: 'number',
        min,
        max,
        message: t('common.numberRange', { min, max }),
      }),
      tags: (maxCount: number, maxLength: number): FormRule => ({
        validator: async (_rule, value: unknown) => {
          if (!Array.isArray(value)) return;
          if (value.length > maxCount) throw new Error(t('common.tooMany', { max: maxCount }));
          if (value.some((tag) => typeof tag === 'string' && tag.trim().length > maxLength)) {
            throw new Error(t('common.tagTooLong', { max: maxLength }));
          }
        },
      }),
    };
  }, [t]);
}
