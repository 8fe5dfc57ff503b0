// A real SMTP server for the tests (the `smtp-server` package): Strapi's email
// plugin sends to it through the nodemailer provider; tests read the parsed mails.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'net';

export interface Mailbox {
  port: number;
  messages: ParsedMail[];
  /** Resolves with the first message (already received or to come) matching `predicate`. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Messages to the given address. */
  to(address: string): ParsedMail[];
  clear(): void;
  /** Makes the server reject mail to `address` (a delivery failure) until accept(address). */
  refuse(address: string): void;
  accept(address: string): void;
  close(): Promise<void>;
}

const recipients = (mail: ParsedMail) =>
  [mail.to, mail.cc, mail.bcc]
    .flatMap((field) => (Array.isArray(field) ? field : field ? [field] : []))
    .flatMap((field) => field.value.map((v) => (v.address ?? '').toLowerCase()));

export async function startMailbox(): Promise<Mailbox> {
  const messages: ParsedMail[] = [];
  const waiters: Array<{ predicate: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }> = [];
  const refused = new Set<string>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(mail)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    messages,
    waitFor(predicate, timeoutMs = 10000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (m: ParsedMail) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No matching e-mail within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    to: (address) => messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    clear: () => void messages.splice(0, messages.length),
    refuse: (address) => void refused.add(address.toLowerCase()),
    accept: (address) => void refused.delete(address.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
