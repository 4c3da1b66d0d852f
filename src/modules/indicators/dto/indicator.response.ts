/** OpenAPI schemas of the indicators' answers that are not a stored record. */

const PROBLEM = {
  type: 'object',
  required: ['row', 'column', 'problem'],
  properties: {
    row: { type: 'integer', description: 'Excel 行号 / the row as Excel numbers it', example: 5 },
    column: { type: 'string', description: '列名 / column header', example: '数值' },
    problem: { type: 'string', example: '数值应为数字 / the value is not a number' },
  },
};

export const IMPORT_RESULT_SCHEMA = {
  type: 'object',
  required: ['dryRun', 'committeeId', 'rows', 'created', 'updated', 'problems'],
  properties: {
    dryRun: { type: 'boolean', description: '是否试导入 / whether nothing was written' },
    committeeId: { type: 'integer', example: 2 },
    rows: { type: 'integer', description: '读取的数值行数 / value rows read', example: 12 },
    created: {
      type: 'integer',
      description: '新增（试导入时为将新增）的数值 / values created (would be, on a dry run)',
      example: 10,
    },
    updated: {
      type: 'integer',
      description: '更新（试导入时为将更新）的数值 / values updated (would be, on a dry run)',
      example: 2,
    },
    problems: {
      type: 'array',
      description: '每个有问题的行与列 / every bad row and column',
      items: PROBLEM,
    },
    createdIds: { type: 'array', items: { type: 'integer' } },
    updatedIds: { type: 'array', items: { type: 'integer' } },
  },
};
