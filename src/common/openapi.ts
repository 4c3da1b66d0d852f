import type { ApiResponseOptions, OpenAPIObject } from '@nestjs/swagger';
import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * The OpenAPI document as an integrator reads it: response schemas derived from the entities'
 * own column metadata (so they cannot drift from what is stored and answered), one error shape
 * for every 4xx, the real key format, and security on every operation but the health checks.
 */

type Schema = Record<string, unknown>;

export const recordSchemaRef = (entity: string): Schema => ({
  $ref: `#/components/schemas/${entity}`,
});

/**
 * The 409 of a workflow step the record's state does not allow, as the exception filter answers
 * it (`INVALID_TRANSITION` with `allowed`), with one example: `record` names the record (代表建议
 * / Suggestion, and how the description calls it), `allowed` the steps open from `state` with
 * their labels.
 */
export function invalidTransitionResponse(
  record: { zh: string; en: string; noun: string },
  example: { state: string; step: string; allowed: Record<string, string> },
): ApiResponseOptions {
  const codes = Object.keys(example.allowed);
  const allowed = `可执行：${Object.entries(example.allowed)
    .map(([code, label]) => `${code}（${label}）`)
    .join(', ')}`;
  return {
    status: 409,
    description: `当前状态不能执行该操作（INVALID_TRANSITION），allowed 列出可执行的操作 / the step is not allowed from the ${record.noun}’s state; \`allowed\` lists the ones that are`,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        example: {
          code: 'INVALID_TRANSITION',
          message: `${record.zh}当前状态（${example.state}）不能执行“${example.step}”，${allowed} / ${record.en} in state ${example.state} cannot ${example.step}; allowed: ${codes.join(', ')}`,
          details: [{ field: 'action', problem: `${allowed} / allowed: ${codes.join(', ')}` }],
          allowed: codes,
        },
      },
    },
  };
}

/** Every list answers `{ items, total, page, pageSize }`: of an entity's records, or of `item`. */
export const pageSchema = (item: string | Schema): Schema => ({
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    items: { type: 'array', items: typeof item === 'string' ? recordSchemaRef(item) : item },
    total: { type: 'integer', minimum: 0, example: 1 },
    page: { type: 'integer', minimum: 1, example: 1 },
    pageSize: { type: 'integer', minimum: 0, maximum: 200, example: 20 },
  },
});

const ERROR_BODY: Schema = {
  type: 'object',
  required: ['code', 'message', 'details'],
  properties: {
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    message: { type: 'string', example: '输入有误 / Invalid input' },
    details: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'problem'],
        properties: {
          field: { type: 'string', example: 'committeeId' },
          problem: { type: 'string', example: '必须是整数 / committeeId must be an integer' },
        },
      },
    },
    existingId: {
      type: 'integer',
      description: '409 重复时已存在记录的编号 / on a duplicate, the existing record’s id',
    },
    allowed: {
      type: 'array',
      items: { type: 'string' },
      description:
        '409 WORKFLOW_FIELD / INVALID_TRANSITION：当前状态下可执行的流转操作 / the transitions allowed from the record’s current state',
    },
  },
};

const ERRORS: Record<string, { description: string; code: string; message: string }> = {
  '400': {
    description: '输入有误，details 指出字段 / invalid input; details name each field',
    code: 'VALIDATION_FAILED',
    message: '输入有误 / Invalid input',
  },
  '401': {
    description: '缺少或无效的 API 密钥 / missing or invalid API key',
    code: 'UNAUTHORIZED',
    message: 'API 密钥无效、已过期或已吊销 / API key invalid, expired or revoked',
  },
  '403': {
    description: '密钥的作用域或角色不允许 / the key’s scope or role does not allow it',
    code: 'FORBIDDEN',
    message: '该 API 密钥没有所需权限 / This API key lacks the scope',
  },
  '404': {
    description: '记录不存在或不在密钥范围内 / no such record within the key’s committee',
    code: 'NOT_FOUND',
    message: '找不到代表（ID 12）/ Deputy 12 not found',
  },
  '409': {
    description: '与现有记录冲突（重复、仍被引用）/ conflicts with an existing record',
    code: 'CONFLICT',
    message: '已存在同名记录 / A record with this name exists',
  },
  '422': {
    description: '引用的记录不存在或违反业务规则 / a missing reference or a broken rule',
    code: 'REFERENCE_NOT_FOUND',
    message: '引用的工委（ID 99）不存在 / Committee 99 does not exist',
  },
  '429': {
    description: '请求过于频繁 / too many requests for this key',
    code: 'TOO_MANY_REQUESTS',
    message: '请求过于频繁，请稍后再试 / Too many requests',
  },
};

/** The documented error answer for `status`, for an operation that declares one by hand. */
export function errorResponse(status: string): Schema {
  const { description, code, message } = ERRORS[status];
  return {
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        example: { code, message, details: [] },
      },
    },
  };
}

/** Which errors an operation can answer, from its method and parameters. */
function errorsOf(method: string, path: string, operation: Schema): string[] {
  const statuses = ['401', '403', '429'];
  const hasInput =
    (Array.isArray(operation.parameters) && operation.parameters.length > 0) ||
    operation.requestBody !== undefined;
  if (hasInput) statuses.push('400');
  if (path.includes('{')) statuses.push('404');
  if (operation.requestBody !== undefined) statuses.push('409', '422');
  else if (method === 'delete') statuses.push('409');
  return statuses.sort();
}

function columnSchema(column: ColumnMetadata): Schema {
  const type = typeof column.type === 'function' ? column.type.name.toLowerCase() : column.type;
  let schema: Schema;
  switch (type) {
    case 'integer':
    case 'int':
    case 'number':
      schema = { type: 'integer', example: 1 };
      break;
    case 'boolean':
    case 'tinyint':
      schema = { type: 'boolean', example: true };
      break;
    case 'date':
      schema = { type: 'string', format: 'date', example: '2026-11-01' };
      break;
    case 'datetime':
    case 'timestamp':
    case 'date-time':
      schema = { type: 'string', format: 'date-time', example: '2026-11-01T09:30:00.000+08:00' };
      break;
    case 'decimal':
      // A column with a transformer answers numbers (e.g. DECIMAL in modules/indicators).
      schema = column.transformer
        ? { type: 'number', example: 12.5 }
        : { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', example: '12.50' };
      break;
    case 'simple-json':
    case 'json':
      schema = { type: 'object' };
      break;
    default:
      schema = { type: 'string', example: '示例 example' };
      if (column.length) schema.maxLength = Number(column.length);
  }
  if (column.enum) schema.enum = column.enum;
  if (column.isNullable) schema.nullable = true;
  if (column.comment) schema.description = column.comment;
  return schema;
}

/** What the request schema (`Create<Entity>Dto`) says of a field: its example, enum, description. */
function describedBy(input: Schema | undefined, property: string, schema: Schema): Schema {
  const documented = (input?.properties as Record<string, Schema> | undefined)?.[property];
  if (!documented) {
    if (typeof schema.maxLength === 'number' && typeof schema.example === 'string') {
      schema.example = schema.example.slice(0, schema.maxLength);
    }
    return schema;
  }
  const { example, enum: values, description, format } = documented;
  return {
    ...schema,
    ...(description !== undefined && { description }),
    ...(format !== undefined && { format }),
    ...(values !== undefined && { enum: values }),
    ...(example !== undefined
      ? { example }
      : values !== undefined && { example: (values as unknown[])[0] }),
  };
}

/** The schema of what the API answers for an entity: its selectable columns. */
function entitySchema(metadata: EntityMetadata, input: Schema | undefined): Schema {
  const columns = metadata.columns.filter(
    (column) => column.isSelect && !column.relationMetadata && column.propertyPath,
  );
  return {
    type: 'object',
    required: columns.filter((column) => !column.isNullable).map((column) => column.propertyPath),
    properties: Object.fromEntries(
      columns.map((column) => [
        column.propertyPath,
        describedBy(input, column.propertyPath, columnSchema(column)),
      ]),
    ),
  };
}

/** Adds what Nest's explorer cannot infer; see the module comment. */
export function completeDocument(document: OpenAPIObject, dataSource: DataSource): OpenAPIObject {
  const schemas = { ...(document.components?.schemas ?? {}) } as Record<string, Schema>;
  const wanted = new Set(
    [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]),
  );
  for (const metadata of dataSource.entityMetadatas) {
    if (wanted.has(metadata.targetName) && !schemas[metadata.targetName]) {
      schemas[metadata.targetName] = entitySchema(
        metadata,
        schemas[`Create${metadata.targetName}Dto`],
      );
    }
  }
  schemas.ErrorBody = ERROR_BODY;
  document.components = {
    ...document.components,
    schemas,
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'rw_<12 位前缀 prefix>_<43 位密文 secret>',
        description:
          'API 密钥，由安全管理员在后台签发，形如 `rw_…` / an API key issued in the admin panel, `rw_…`',
      },
    },
  };
  document.servers = [{ url: '/', description: '本服务器 / this server' }];
  document.security = [{ bearer: [] }];
  document.info.license = {
    name: 'UNLICENSED（内部使用 / internal use）',
    url: 'https://spdx.org/licenses/',
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Schema>)) {
      if (!path.startsWith('/api/')) {
        operation.security = [];
        continue;
      }
      const responses = operation.responses as Record<string, unknown>;
      for (const status of errorsOf(method, path, operation)) {
        responses[status] ??= errorResponse(status);
      }
    }
  }
  return document;
}
