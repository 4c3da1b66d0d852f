/**
 * Pairs the schedule's job names with the handlers the modules supply. Every scheduled job needs
 * exactly one handler, and a handler must name a scheduled job: otherwise the app does not start
 * (a cron with nothing behind it would fail only when it fires, at night).
 */
export function handlersBySchedule<H>(
  scheduled: readonly string[],
  found: readonly { job: string | undefined; handler: H; provider: string }[],
): Map<string, H> {
  const handlers = new Map<string, H>();
  const problems: string[] = [];
  for (const { job, handler, provider } of found) {
    if (job === undefined || !scheduled.includes(job)) {
      problems.push(`${provider}: 任务 "${job}" 不在 schedule.ts 中 / not in the schedule`);
    } else if (handlers.has(job)) {
      problems.push(`${provider}: 任务 "${job}" 已有处理程序 / a second handler`);
    } else {
      handlers.set(job, handler);
    }
  }
  for (const job of scheduled) {
    if (!handlers.has(job)) {
      problems.push(`任务 "${job}" 没有模块提供处理程序 / no module supplies a handler`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`定时任务配置有误 / job registry: ${problems.join('; ')}`);
  }
  return handlers;
}
