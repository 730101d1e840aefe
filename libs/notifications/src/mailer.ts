import { Injectable } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@delibera/kernel';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  locale: string;
}

/**
 * Sends through SMTP when SMTP_URL is set; otherwise writes each message as an
 * .eml file under DATA_DIR/mail, so local and demo runs never email anyone.
 */
@Injectable()
export class Mailer {
  private readonly transport: Transporter;
  private readonly mailDir?: string;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transport = createTransport(config.SMTP_URL);
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.mailDir = join(config.DATA_DIR, 'mail');
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // A stable Message-ID lets receiving servers drop a duplicate if a crash re-sends it.
      messageId: `<${mail.id}@delibera>`,
      headers: { 'Content-Language': mail.locale === 'en' ? 'en-CA' : 'fr-CA' },
    });
    if (this.mailDir) {
      await mkdir(this.mailDir, { recursive: true });
      await writeFile(join(this.mailDir, `${mail.id}.eml`), (info as { message: Buffer }).message);
    }
  }
}
