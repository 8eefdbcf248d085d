import { normalizePhone } from './normalize.js';

type PhoneValues = { phone?: string | null; mobile?: string | null; phone_e164?: string | null; mobile_e164?: string | null };

/**
 * A write's values with the E.164 columns of the phone fields it sets (customers, contacts, leads):
 * `phone` -> `phone_e164`, `mobile` -> `mobile_e164`. The repositories apply it to every insert and
 * update, so the normalised form can never lag behind what the user typed.
 */
export function withPhoneColumns<T extends PhoneValues>(values: T): T {
  const out: T = { ...values };
  if (values.phone !== undefined) out.phone_e164 = normalizePhone(values.phone);
  if (values.mobile !== undefined) out.mobile_e164 = normalizePhone(values.mobile);
  return out;
}
