import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module.js';
import { Mailer } from './mailer.js';
import { Notification } from './notification.entity.js';
import { DeliverNotificationsJob } from './notifications.jobs.js';
import { NotificationsRepository } from './notifications.repository.js';
import { OutboxService } from './outbox.service.js';
import { WebhookSender } from './webhook.js';

@Module({
  imports: [TypeOrmModule.forFeature([Notification]), JobsModule],
  providers: [
    NotificationsRepository,
    Mailer,
    WebhookSender,
    OutboxService,
    DeliverNotificationsJob,
  ],
  exports: [NotificationsRepository, OutboxService],
})
export class NotificationsModule {}
