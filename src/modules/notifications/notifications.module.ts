import { Module } from '@nestjs/common';
import { Mailer } from './mailer.js';
import { OutboxService } from './outbox.service.js';
import { WebhookSender } from './webhook.js';

@Module({
  providers: [Mailer, WebhookSender, OutboxService],
  exports: [OutboxService],
})
export class NotificationsModule {}
