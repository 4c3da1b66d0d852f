import { type DynamicModule, Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import type { Area } from '../../platform/areas/area.js';
import { RecordRemoval } from '../../platform/records/record-removal.js';
import { ATTACHABLE_KINDS, attachableKinds } from './attachable-records.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentStorage } from './attachment-storage.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRemoval } from './attachments.removal.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * 附件. Its area (attachments.area.ts) registers the entity, labels and panel; the entry point
 * imports `AttachmentsModule.forRoot(AREAS)`, which reads every area's `attachable` slot (so this
 * module imports no area) and provides, globally, the platform's RecordRemoval port: removing
 * any attachable record takes its attachments along.
 */
@Module({})
export class AttachmentsModule {
  static forRoot(areas: readonly Area[]): DynamicModule {
    return {
      module: AttachmentsModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([Attachment]),
        MulterModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // In memory up to the limit (the content is sniffed and hashed before it is stored);
            // file names as UTF-8 (Chinese names), one file and a few text fields per request.
            limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 10, parts: 11 },
            defParamCharset: 'utf8',
          }),
        }),
      ],
      controllers: [AttachmentsController],
      providers: [
        { provide: ATTACHABLE_KINDS, useValue: attachableKinds(areas) },
        AttachmentStorage,
        AttachmentsService,
        AttachmentsRemoval,
        { provide: RecordRemoval, useExisting: AttachmentsRemoval },
      ],
      exports: [AttachmentsService, RecordRemoval],
    };
  }
}
