import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ScheduledJob, type JobHandler } from './job-handler.js';
import { handlersBySchedule } from './job-registry.rules.js';
import { JOB_NAMES, type JobName } from './schedule.js';

/**
 * The one registry of job handlers: every provider marked `@ScheduledJob(name)`, in whichever
 * module owns the work, checked against schedule.ts when the app starts (a scheduled job without
 * a handler, or a handler for no scheduled job, stops the start).
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private handlers = new Map<string, JobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ScheduledJob.KEY }).map((wrapper) => ({
      job: this.discovery.getMetadataByDecorator(ScheduledJob, wrapper),
      handler: wrapper.instance as JobHandler,
      provider: String(wrapper.name),
    }));
    this.handlers = handlersBySchedule(JOB_NAMES, found);
  }

  handlerOf(job: JobName): JobHandler {
    const handler = this.handlers.get(job);
    if (!handler) throw new Error(`任务 "${job}" 没有处理程序 / no handler`);
    return handler;
  }
}
