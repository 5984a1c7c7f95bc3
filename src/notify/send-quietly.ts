import type { Mailer, MailMessage } from './mailer';

/**
 * Sends, and on failure throws an error that names only the SMTP code: a server's reply often
 * quotes the recipient's address, and job errors are logged and stored.
 */
export async function sendQuietly(mailer: Mailer, message: MailMessage) {
  try {
    return await mailer.send(message);
  } catch (err) {
    const e = err as { code?: string; responseCode?: number };
    throw new Error(`mail not sent: ${e.code ?? 'error'}${e.responseCode ? ` ${e.responseCode}` : ''}`);
  }
}
