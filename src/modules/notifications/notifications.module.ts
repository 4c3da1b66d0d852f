import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { Mailer } from './mailer.js';
import { DeliverNotificationsJob } from './notifications.jobs.js';
import { OutboxService } from './outbox.service.js';
import { WebhookSender } from './webhook.js';

@Module({
  imports: [JobsModule],
  providers: [Mailer, WebhookSender, OutboxService, DeliverNotificationsJob],
  exports: [OutboxService],
})
export class NotificationsModule {}
