import nodemailer from 'nodemailer';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
};

export interface Mailer {
  /** False when no SMTP server is configured: the caller records the message as not sent. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<{ messageId: string | null }>;
  close(): void;
}

/** SMTP through nodemailer when SMTP_URL is set; otherwise a mailer that sends nothing. */
export function createMailer(
  smtpUrl: string | undefined,
  from = 'Orientir <no-reply@orientir.local>',
): Mailer {
  if (!smtpUrl) {
    return { configured: false, send: async () => ({ messageId: null }), close: () => {} };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    send: async (m) => {
      const info = await transport.sendMail({ from, ...m });
      return { messageId: info.messageId ?? null };
    },
    close: () => transport.close(),
  };
}
