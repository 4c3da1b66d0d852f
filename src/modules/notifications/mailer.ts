import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Our outbox row, as a header: lets an operator match a delivered mail to its row. */
  reference: string;
}

/** Email over SMTP (nodemailer, SMTP_URL). Not configured = `enabled` is false. */
@Injectable()
export class Mailer {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.mail.smtpUrl !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    const url = this.config.mail.smtpUrl;
    if (!url) throw new Error('SMTP_URL is not set');
    this.transport ??= nodemailer.createTransport(url);
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: { 'X-Renda-Notification': mail.reference },
    });
  }

  close(): void {
    this.transport?.close();
  }
}
