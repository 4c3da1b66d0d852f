import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { ScheduledJob, type JobHandler, type JobReport } from './job-handler.js';
import { JobRegistry } from './job-registry.service.js';
import { handlersBySchedule } from './job-registry.rules.js';
import { JOB_NAMES, JOBS, type JobName } from './schedule.js';

const handlerFor = (job: JobName): JobHandler => ({
  run: (asOf: Date): Promise<JobReport> => Promise.resolve({ job, asOf, runs: [] }),
});

const found = (...jobs: (string | undefined)[]) =>
  jobs.map((job, index) => ({ job, handler: index, provider: `Handler${index}` }));

describe('handlersBySchedule', () => {
  it('should pair every scheduled job with its one handler', () => {
    const handlers = handlersBySchedule(['a', 'b'], found('b', 'a'));
    expect([...handlers.entries()]).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });

  it.each<[string, string[], (string | undefined)[], RegExp]>([
    ['a scheduled job without a handler', ['a', 'b'], ['a'], /"b" 没有模块提供处理程序/],
    ['a handler for no scheduled job', ['a'], ['a', 'x'], /Handler1: 任务 "x" 不在 schedule\.ts/],
    ['a handler naming no job', ['a'], ['a', undefined], /Handler1: 任务 "undefined"/],
    ['two handlers for one job', ['a'], ['a', 'a'], /Handler1: 任务 "a" 已有处理程序/],
  ])('should refuse %s', (_case, scheduled, jobs, message) => {
    expect(() => handlersBySchedule(scheduled, found(...jobs))).toThrow(message);
  });
});

describe('JobRegistry', () => {
  /** Every scheduled job but deliver-notifications gets a handler here. */
  const missingOne = JOB_NAMES.filter((job) => job !== JOBS.deliverNotifications.name).map(
    (job) => {
      @ScheduledJob(job)
      @Injectable()
      class Handler {
        run = handlerFor(job).run;
      }
      Object.defineProperty(Handler, 'name', { value: `${job}Handler` });
      return Handler;
    },
  );

  it('should stop the start-up when a scheduled job has no handler', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [JobRegistry, ...missingOne],
    }).compile();
    await expect(moduleRef.init()).rejects.toThrow(
      /任务 "deliver-notifications" 没有模块提供处理程序 \/ no module supplies a handler/,
    );
  });

  it('should dispatch each job to the handler its module supplied', async () => {
    @ScheduledJob(JOBS.deliverNotifications.name)
    @Injectable()
    class DeliverHandler {
      run = (asOf: Date): Promise<JobReport> =>
        Promise.resolve({ job: JOBS.deliverNotifications.name, asOf, runs: [] });
    }
    const moduleRef = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [JobRegistry, ...missingOne, DeliverHandler],
    }).compile();
    await moduleRef.init();
    const sut = moduleRef.get(JobRegistry);
    const asOf = new Date('2020-07-01T00:00:00Z');
    await expect(sut.handlerOf(JOBS.deliverNotifications.name).run(asOf)).resolves.toEqual({
      job: JOBS.deliverNotifications.name,
      asOf,
      runs: [],
    });
    await moduleRef.close();
  });
});
