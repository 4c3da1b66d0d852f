import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** `GET /reports/overview`: one committee (and those below it) for one calendar year. */
export class OverviewQuery {
  @ApiProperty({
    description:
      '人大工委/常委会 id（区人大常委会含其下各街道人大工委）/ committee id (a district includes its subdistricts)',
    example: 2,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  committeeId: number;

  @ApiProperty({ description: '年度（按 APP_TIMEZONE 的日历年）/ calendar year', example: 2019 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

const FIGURE_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['name', 'label', 'value', 'unit', 'records'],
  properties: {
    name: { type: 'string', example: 'studySessions', description: '稳定的数字名 / stable key' },
    label: {
      type: 'string',
      example: '组织学习培训',
      description: '报告中的说法 / the line a report prints',
    },
    value: { type: 'number', example: 4 },
    unit: { type: 'string', example: '次' },
    records: {
      type: 'object',
      description: '计入该数字的记录 / the records this figure counted',
      required: ['type', 'ids'],
      properties: {
        type: { type: 'string', example: 'studySession' },
        ids: { type: 'array', items: { type: 'integer' }, example: [12, 15, 19, 23] },
      },
    },
    breakdown: {
      type: 'array',
      description: '分项（同一单位）/ the figure broken down (same unit)',
      items: { type: 'object', additionalProperties: true },
    },
    overlapping: {
      type: 'boolean',
      description: '分项之和可能大于总数 / breakdown values may add up to more',
    },
  },
};

export const OVERVIEW_SCHEMA: Record<string, unknown> = {
  type: 'object',
  required: ['committeeId', 'committeeIds', 'year', 'asOf', 'sections'],
  properties: {
    committeeId: { type: 'integer', example: 2 },
    committeeIds: {
      type: 'array',
      items: { type: 'integer' },
      description: '统计覆盖的人大工委 / committees covered',
      example: [2],
    },
    year: { type: 'integer', example: 2019 },
    asOf: {
      type: 'string',
      example: '2019-12-31 18:00',
      description: '统计时点（本地时间）/ when taken',
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['area', 'label', 'figures', 'lists'],
        properties: {
          area: { type: 'string', example: 'training' },
          label: { type: 'string', example: '学习培训' },
          figures: { type: 'array', items: FIGURE_SCHEMA },
          sentences: {
            type: 'array',
            items: { type: 'string' },
            description: '报告用语，由本节数字生成 / the report’s sentences built from the figures',
            example: ['12 名代表走访联系 340 名选民，收集整理问题 25 个，已解决 20 个'],
          },
          lists: {
            type: 'object',
            description:
              '逐行列出的内容（如指标数值、会议）/ row lists (indicator values, sessions)',
            additionalProperties: {
              type: 'object',
              required: ['label', 'type', 'items'],
              properties: {
                label: { type: 'string' },
                type: { type: 'string' },
                items: { type: 'array', items: { type: 'object', additionalProperties: true } },
              },
            },
          },
        },
      },
    },
  },
};
