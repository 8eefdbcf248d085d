import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An email as the test SMTP server received it, decoded enough to assert on. */
export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
  /** Whether the message came over TLS (after STARTTLS here). */
  secure: boolean;
  /** The user it authenticated as, if any. */
  user: string | null;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Answer the next `count` messages with this SMTP error (451 a temporary, 550 a permanent refusal). */
  refuseNext(count: number, code?: number): void;
  /** Answer every message with an error until `acceptAgain()`. */
  refuseAll(code?: number): void;
  acceptAgain(): void;
  /** Login attempts, accepted or not. */
  logins: Array<{ username: string; secure: boolean; accepted: boolean }>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /**
   * Offer STARTTLS with this key and certificate and require it: no login and no MAIL FROM over
   * plain text (530).
   */
  starttls?: { key: string; cert: string };
  /** Refuse every login (535), as a server does when the credentials are wrong or revoked. */
  refuseAuth?: boolean;
}

/** The bytes of RFC 2047 words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=) as text; adjacent words join. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Headers and the text and HTML parts of a message (one level of multipart, as nodemailer writes them). */
export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'html'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  let text = '';
  let html = '';
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw.slice(0, split) + '\r\n\r\n' + body];
  for (const part of parts) {
    const cut = part.indexOf('\r\n\r\n');
    const partHeaders = parseHeaders(part.slice(0, cut).replace(/^\r\n/, ''));
    const content = decodeBody(part.slice(cut + 4).replace(/\r\n$/, ''), partHeaders.get('content-transfer-encoding'));
    const partType = partHeaders.get('content-type') ?? 'text/plain';
    if (partType.startsWith('text/html')) html = content;
    else if (partType.startsWith('text/plain')) text = content;
  }
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text, html };
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, for the sender to talk to: it keeps what it
 * receives, and refuses messages when told to. Accepts the user `crm` with the password
 * `smtp-secret-1` (authentication is optional).
 */
export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const logins: TestSmtp['logins'] = [];
  let refuse = 0;
  let refuseCode = 451;
  const tls = options.starttls;
  const server = new SMTPServer({
    authOptional: true,
    // With STARTTLS offered, a login over plain text is refused.
    allowInsecureAuth: !tls,
    ...(tls ? { key: tls.key, cert: tls.cert } : { disabledCommands: ['STARTTLS'] }),
    logger: false,
    onAuth(auth, session, callback) {
      const accepted = !options.refuseAuth && auth.username === 'crm' && auth.password === 'smtp-secret-1';
      logins.push({ username: auth.username ?? '', secure: session.secure, accepted });
      if (accepted) callback(null, { user: 'crm' });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onMailFrom(_address, session, callback) {
      if (tls && !session.secure) callback(Object.assign(new Error('Must issue a STARTTLS command first'), { responseCode: 530 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          callback(Object.assign(new Error(refuseCode >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refuseCode }));
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    refuseNext(count, code = 451) {
      refuse = count;
      refuseCode = code;
    },
    refuseAll(code = 451) {
      refuse = Number.MAX_SAFE_INTEGER;
      refuseCode = code;
    },
    acceptAgain() {
      refuse = 0;
    },
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
