import type { Locale } from '@crm/contracts';
import { t } from '../../platform/i18n.js';

/** Text made safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Plain text as HTML paragraphs: blank lines part them, single line breaks stay. */
export function htmlOf(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => `<p>${escapeHtml(part).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

/** The start of a text on one line, at most `max` characters (… when cut). */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export interface Composed {
  text: string;
  html: string | null;
}

/**
 * What the sender hands to the SMTP server: the stored body, then the link to the record (when
 * the CRM's address is known) and, for notifications, why the reader gets them; in the language
 * the email was written in.
 */
export function compose(row: { kind: string; text_body: string; html_body: string | null; link_path: string | null; locale: string }, baseUrl: string | null): Composed {
  const locale: Locale = row.locale === 'en' ? 'en' : 'zh-CN';
  let text = row.text_body;
  let html = row.html_body;
  if (row.link_path !== null && baseUrl) {
    const url = `${baseUrl}${row.link_path}`;
    text += `\n\n${t(locale, 'emailLinkLabel', { url })}`;
    if (html !== null) html += `\n<p><a href="${escapeHtml(url)}">${escapeHtml(t(locale, 'emailLinkText'))}</a></p>`;
  }
  if (row.kind === 'notification') {
    const footer = t(locale, 'emailNotificationFooter');
    text += `\n\n-- \n${footer}`;
    if (html !== null) html += `\n<hr>\n<p style="color:#888;font-size:12px">${escapeHtml(footer)}</p>`;
  }
  return { text, html };
}
