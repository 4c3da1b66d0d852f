import { Module } from '@nestjs/common';
import { Mailer } from './mailer.js';
import { OutboxService } from './outbox.service.js';

@Module({
  providers: [Mailer, OutboxService],
  exports: [OutboxService],
})
export class NotificationsModule {}
