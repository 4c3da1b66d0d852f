import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';

const TIMEOUT_MS = 10_000;

/** `sha256=` + hex HMAC-SHA256 of `${timestamp}.${body}`: what a receiver recomputes. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Notifications as signed JSON POSTs to WEBHOOK_URL (an SMS gateway, a WeCom bot relay). The
 * receiver checks X-Renda-Signature against its copy of WEBHOOK_SECRET, rejects old timestamps,
 * and may use X-Renda-Delivery to drop a repeat.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.webhook.url !== undefined;
  }

  async post(body: string, delivery: string, now: Date): Promise<void> {
    const { url, secret } = this.config.webhook;
    if (!url) throw new Error('WEBHOOK_URL is not set');
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'renda-workbench',
        'X-Renda-Delivery': delivery,
        'X-Renda-Timestamp': timestamp,
        'X-Renda-Signature': webhookSignature(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
