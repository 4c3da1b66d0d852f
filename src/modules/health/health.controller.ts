import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { Public } from '../../platform/access/auth.decorators.js';

@ApiTags('运行状态 Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: '进程存活 / the process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: '可以服务：数据库可达（否则 503）/ ready: database answers, else 503' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.pingDatabase()]);
  }

  /**
   * The driver's message names the database's host and port (`connect ECONNREFUSED 10.0.0.5:3306`):
   * the public answer says only that it does not answer; the 503 is what a balancer needs.
   */
  private async pingDatabase(): Promise<HealthIndicatorResult> {
    const result = await this.database.pingCheck('database', { timeout: 1500 });
    if (result.database?.status === 'up') return result;
    return {
      database: { status: 'down', message: '数据库无响应 / the database does not answer' },
    };
  }
}
