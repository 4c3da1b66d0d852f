import { createConfig, lintFromString } from '@redocly/openapi-core';
import { runAsSystem } from '../../src/platform/access/actor.js';
import { TermsService } from '../../src/modules/terms/terms.service.js';
import { createOrganisation } from '../factories/committee.factory.js';
import { indicatorSheet } from '../factories/indicators.factory.js';
import { startBuiltServer, type BuiltServer } from '../support/built-server.js';
import { createTestApp, issueKey } from '../support/test-app.js';
import { createTestDatabase, testDialect, type TestDatabase } from '../support/test-database.js';

/**
 * The API contract, checked against the server users run (`node dist/src/main.js`, tsc's build)
 * rather than an in-process test module: every operation the OpenAPI document lists answers a
 * valid request with 2xx, and a set of bad requests with a documented 4xx that names the field
 * — never a 500. New operations are walked automatically; a write needs an entry in VALID_BODIES.
 */

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

interface Answer {
  status: number;
  body: { code?: string; details?: { field: string; problem: string }[] } & Record<string, unknown>;
}

const BAD_QUERIES: Record<string, string>[] = [
  { unknownParameter: '1' },
  { page: 'abc' },
  { page: '-1' },
  { page: '0' },
  { page: '1e21' },
  { page: '99999999999999999999' },
  { pageSize: '-5' },
  { pageSize: '100000' },
  { sort: 'noSuchField' },
  { sort: '-' },
  { sort: '𠮷'.repeat(40) },
];
const BAD_IDS = ['abc', '1e21', '-1', '0', '99999999999', '𠮷'];

/** 5,000 levels of `{"a":…}`: deep enough to hurt a recursive validator. */
const DEEP_JSON = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;

describe(`API contract of the built server on ${testDialect()}`, () => {
  let database: TestDatabase;
  let server: BuiltServer;
  let key: string;
  let document: { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
  const ids: Record<string, number> = {};

  const call = async (
    method: string,
    path: string,
    options: {
      body?: string | FormData;
      contentType?: string;
      query?: Record<string, string>;
    } = {},
  ): Promise<Answer> => {
    const url = new URL(path, server.url);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(name, value);
    }
    const response = await fetch(url, {
      method: method.toUpperCase(),
      headers: {
        Authorization: `Bearer ${key}`,
        // A multipart body (FormData) sets its own Content-Type with the boundary.
        ...(typeof options.body === 'string' && {
          'Content-Type': options.contentType ?? 'application/json',
        }),
      },
      body: options.body,
    });
    const text = await response.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // Not JSON (a spreadsheet, an empty 204): the status is what is checked.
    }
    return { status: response.status, body };
  };
  /** A valid body: JSON, or a multipart form (an upload) sent as it is. */
  const json = (method: string, path: string, body: unknown, query?: Record<string, string>) =>
    call(method, path, {
      body: body instanceof FormData ? body : JSON.stringify(body),
      query,
    });

  const operations = (): Operation[] =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method,
        path,
        ...operation,
        parameters: operation.parameters ?? [],
      })),
    );

  /** A concrete path: `{id}` is the fixture of the resource the path names. */
  const concrete = (path: string): string =>
    path
      .replace(/\/api\/v1\/([\w-]+)\/\{id\}/, (_, resource: string) => {
        const id = ids[resource];
        if (id === undefined) throw new Error(`no fixture for ${resource} in ${path}`);
        return `/api/v1/${resource}/${id}`;
      })
      .replace('{deputyId}', String(ids.deputies));

  const requiredQuery = (operation: Operation): Record<string, string> => {
    const defaults: Record<string, string> = { year: '2020', from: '2020-01-01', to: '2020-12-31' };
    return Object.fromEntries(
      operation.parameters
        .filter((parameter) => parameter.in === 'query' && parameter.required)
        .map((parameter) => [parameter.name, defaults[parameter.name] ?? '1']),
    );
  };

  let serial = 0;
  /** [M1] indicators: an import sheet (headers only), built once the fixtures exist. */
  let indicatorSheetBytes: Buffer = Buffer.alloc(0);
  /** The one valid body of every write, keyed by method and documented path. */
  const validBodies = (): Record<string, () => unknown> => ({
    'post /api/v1/communities': () => ({
      name: `契约社区${(serial += 1)}`,
      kind: 'community',
      committeeId: ids.committee,
    }),
    'patch /api/v1/communities/{id}': () => ({ name: '契约社区（改）' }),
    'post /api/v1/deputy-groups': () => ({
      name: `契约代表小组${(serial += 1)}`,
      committeeId: ids.committee,
    }),
    'patch /api/v1/deputy-groups/{id}': () => ({ note: '备注' }),
    'post /api/v1/deputies': () => ({
      name: '契约代表',
      gender: 'female',
      level: 'district',
      committeeId: ids.committee,
      phone: '13812345678',
    }),
    'patch /api/v1/deputies/{id}': () => ({ occupation: '教师' }),
    'post /api/v1/activities': () => ({
      committeeId: ids.committee,
      kindId: ids.kind,
      title: '契约代表工作会议',
      startsAt: '2020-03-31T14:30:00+08:00',
      status: 'held',
    }),
    'patch /api/v1/activities/{id}': () => ({ location: '会议室' }),
    'post /api/v1/activities/{id}/attendance': () => ({
      deputyId: ids.deputies,
      status: 'attended',
    }),
    'put /api/v1/activities/{id}/attendance': () => ({
      items: [{ deputyId: ids.deputies, status: 'leave', note: '出差' }],
    }),
    'post /api/v1/deputies/{id}/reveal': () => undefined,
    // [M1] plenary
    'post /api/v1/plenary-sessions': () => ({
      activityId: ids.plenarySpareActivity,
      termId: ids.terms,
      sessionNumber: 90 + (serial += 1),
      startsOn: '2020-01-08',
      endsOn: '2020-01-10',
      place: '区人民会堂',
      agendaItems: [{ kind: 'governmentReport', title: '政府工作报告', adopted: 'yes' }],
    }),
    'patch /api/v1/plenary-sessions/{id}': () => ({
      place: '区人民会堂（改）',
      agendaItems: [{ kind: 'budget', title: '财政预算报告', adopted: 'yes', votesFor: 250 }],
    }),
    'post /api/v1/agenda-items': () => ({
      sessionId: ids['plenary-sessions'],
      kind: 'courtReport',
      title: '法院工作报告',
    }),
    'patch /api/v1/agenda-items/{id}': () => ({ resolutionTitle: '关于法院工作报告的决议' }),
    // [M1] projects
    'post /api/v1/key-projects': () => ({
      committeeId: ids.committee,
      name: `契约重大项目${(serial += 1)}`,
      year: 2019,
      stage: 'continuing',
      plannedInvestment: 1000.5,
    }),
    'patch /api/v1/key-projects/{id}': () => ({ note: '备注' }),
    // One snapshot per project and day: each body takes the next day of 2019.
    'post /api/v1/project-progress': () => ({
      projectId: ids.progressProject,
      asOf: new Date(Date.UTC(2019, 0, (serial += 1))).toISOString().slice(0, 10),
      completedInvestment: 500,
    }),
    'patch /api/v1/project-progress/{id}': () => ({ note: '进展' }),
    'post /api/v1/counted-outcomes': () => ({
      committeeId: ids.committee,
      year: 2019,
      name: '旱厕改造',
      value: 3,
      unit: '个',
    }),
    'patch /api/v1/counted-outcomes/{id}': () => ({ value: 4, status: 'inProgress' }),
    // [M1] attachments: a multipart upload (FormData) to an activity of its own, so that deleting
    // the activities fixture does not take the attachments fixture along.
    'post /api/v1/attachments': () => {
      const form = new FormData();
      form.set('recordType', 'activity');
      form.set('recordId', String(ids.attachmentActivity));
      form.set('purpose', 'material');
      form.set('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), '契约材料.pdf');
      return form;
    },
    // [M1] training
    'post /api/v1/study-sessions': () => ({
      activityId: ids.freeTrainingActivity,
      topic: '契约学习',
      speakerName: '契约主讲人',
      hours: 1.5,
    }),
    'patch /api/v1/study-sessions/{id}': () => ({ topic: '契约学习（改）', hours: 2 }),
    'post /api/v1/study-plans': () => ({
      committeeId: ids.committee,
      year: 2040 + (serial += 1),
      title: '契约学习计划',
    }),
    'patch /api/v1/study-plans/{id}': () => ({ title: '契约学习计划（改）' }),
    'post /api/v1/study-plan-items': () => ({
      planId: ids['study-plans'],
      month: 3,
      topic: '契约计划主题',
    }),
    'patch /api/v1/study-plan-items/{id}': () => ({ month: 4 }),
    // [M1] supervision: each new supervision record takes a supervision-kind activity of its own.
    'post /api/v1/supervision-activities': () => ({
      activityId: ids[`supervisionFree${(ids.supervisionNext = (ids.supervisionNext ?? 0) + 1)}`],
      areaId: ids.supervisionArea,
      subject: '契约监督主题',
    }),
    'patch /api/v1/supervision-activities/{id}': () => ({ findings: '契约发现的问题' }),
    'post /api/v1/opinions': () => ({
      supervisionActivityId: ids.supervisionHost,
      content: '契约意见建议',
      dueOn: '2020-06-30',
    }),
    'patch /api/v1/opinions/{id}': () => ({ responsibleUnit: '契约责任单位' }),
    'post /api/v1/opinions/{id}/transitions': () => ({ action: 'close', reason: '契约关闭' }),
    'post /api/v1/opinions/{id}/updates': () => ({ note: '契约办理进展' }),
    // [M2] outreach: each new visit record takes a visit activity of its own.
    'post /api/v1/outreach-activities': () => ({
      activityId: ids[`outreachFree${(ids.outreachNext = (ids.outreachNext ?? 0) + 1)}`],
      votersReached: 25,
      officialsCount: 2,
    }),
    'patch /api/v1/outreach-activities/{id}': () => ({ votersReached: 30 }),
    'post /api/v1/voter-issues': () => ({
      committeeId: ids.committee,
      source: 'phone',
      voterPhone: '13800001111',
      categoryId: ids.issueCategory,
      description: '契约选民意见',
      receivedOn: '2020-03-10',
    }),
    'patch /api/v1/voter-issues/{id}': () => ({ description: '契约选民意见（改）' }),
    'post /api/v1/voter-issues/{id}/transitions': () => ({
      action: 'decline',
      reason: '契约不予采纳',
    }),
    'post /api/v1/voter-issues/{id}/reveal': () => undefined,
    // [M1] indicators
    'post /api/v1/indicators': () => ({
      committeeId: ids.committee,
      code: `contract_indicator_${(serial += 1)}`,
      name: '契约指标',
      unit: '亿元',
      frequency: 'monthly',
    }),
    'patch /api/v1/indicators/{id}': () => ({ name: '契约指标（改）' }),
    'post /api/v1/indicator-values': () => ({
      indicatorId: ids.valueIndicator,
      year: 2020,
      period: ((serial += 1) % 12) + 1,
      kind: 'period',
      value: 12.5,
    }),
    'patch /api/v1/indicator-values/{id}': () => ({ value: 13.25 }),
    // Multipart: a dry run (the default) of an .xlsx for the committee the walker names.
    'post /api/v1/indicator-values/import': () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(indicatorSheetBytes)]), '指标.xlsx');
      return form;
    },
    // [M2] calendar: each new day a Monday of its own (a holiday on a weekday is an exception).
    'post /api/v1/calendar-days': () => ({
      date: new Date(Date.UTC(2031, 0, 6 + 7 * (serial += 1))).toISOString().slice(0, 10),
      kind: 'holiday',
      name: '契约假日',
    }),
    'patch /api/v1/calendar-days/{id}': () => ({ note: '契约备注' }),
    // [M2] stations: children hang on a host station, so the `stations` fixture can be deleted.
    'post /api/v1/stations': () => ({
      committeeId: ids.committee,
      name: `契约联络站${(serial += 1)}`,
      address: '契约路1号',
      receptionSchedule: { kind: 'monthly', days: [1, 15] },
      contactPhone: '13812345678',
    }),
    'patch /api/v1/stations/{id}': () => ({ openingHours: '周三 9:00–11:30' }),
    'post /api/v1/stations/{id}/reveal': () => undefined,
    'post /api/v1/station-roles': () => ({
      stationId: ids.stationHost,
      role: 'liaisonOfficer',
      personName: '契约联络员',
      startsOn: '2020-01-01',
    }),
    'patch /api/v1/station-roles/{id}': () => ({ endsOn: '2020-12-31' }),
    'post /api/v1/station-documents': () => ({
      stationId: ids.stationHost,
      kind: 'studyRules',
      title: '契约学习制度',
    }),
    'patch /api/v1/station-documents/{id}': () => ({ effectiveOn: '2020-01-01' }),
    'post /api/v1/receptions': () => ({
      activityId: ids.freeReceptionActivity,
      stationId: ids.stationHost,
      announcedOn: '2020-03-08',
      votersReceived: 4,
    }),
    'patch /api/v1/receptions/{id}': () => ({ votersReceived: 6 }),
    'post /api/v1/station-assessments': () => ({
      stationId: ids.stationHost,
      year: 2040 + (serial += 1),
      items: [{ standardItemId: ids['station-standard-items'], met: true }],
    }),
    'patch /api/v1/station-assessments/{id}': () => ({
      items: [{ standardItemId: ids['station-standard-items'], met: false, evidence: '契约' }],
    }),
    // [M2] suggestions: the suggestion fixture's lead deputy and unit are fixtures of their own,
    // so that deleting the deputies and handling-units fixtures is not refused.
    'post /api/v1/handling-units': () => ({
      name: `契约承办单位${(serial += 1)}`,
      contactPhone: '13812345678',
      contactEmail: 'unit@example.org',
    }),
    'patch /api/v1/handling-units/{id}': () => ({ remit: '契约职责范围' }),
    'post /api/v1/handling-units/{id}/reveal': () => undefined,
    'post /api/v1/suggestions': () => ({
      title: '契约代表建议',
      content: '契约建议内容',
      leadDeputyId: ids.suggestionDeputy,
      raisedOn: '2020-03-02',
    }),
    'patch /api/v1/suggestions/{id}': () => ({ content: '契约建议内容（改）' }),
    'post /api/v1/suggestions/{id}/transitions': () => ({
      action: 'assign',
      leadUnitId: ids.suggestionUnit,
      assignedOn: '2020-03-03',
    }),
    'post /api/v1/suggestions/{id}/supervise': () => ({ note: '契约督办' }),
  });

  /** Records a path's `{id}` can name, created through the built server itself. */
  const createFixtures = async (): Promise<void> => {
    const kinds = await call('get', '/api/v1/activity-kinds');
    ids.kind = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'work_meeting',
    )!.id;
    ids['activity-kinds'] = ids.kind;
    const dictionaries = await call('get', '/api/v1/dictionaries');
    ids.dictionaries = (dictionaries.body.items as { id: number }[])[0].id;
    ids['dictionary-items'] = ids.kind;
    ids.committees = ids.committee;
    const bodies = validBodies();
    for (const [resource, path] of [
      ['communities', '/api/v1/communities'],
      ['deputy-groups', '/api/v1/deputy-groups'],
      ['deputies', '/api/v1/deputies'],
      ['activities', '/api/v1/activities'],
    ] as const) {
      const answer = await json('post', path, bodies[`post ${path}`]());
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M1] plenary: plenary activities for two fixture sessions and a spare one for the POST.
    // The agenda-item fixture sits on the second session, so neither PATCH (which replaces the
    // first session's agenda) nor DELETE of the first session (which takes its agenda) removes it.
    const plenaryKind = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'plenary_session',
    )!.id;
    const plenaryIds: number[] = [];
    for (const title of ['契约代表大会活动一', '契约代表大会活动二', '契约代表大会活动（备用）']) {
      const activity = await json('post', '/api/v1/activities', {
        committeeId: ids.committee,
        kindId: plenaryKind,
        title,
        startsAt: '2020-01-08T09:00:00+08:00',
        status: 'held',
      });
      plenaryIds.push(activity.body.id as number);
    }
    ids.plenarySpareActivity = plenaryIds[2];
    const sessions: { id: number; agendaItems: { id: number }[] }[] = [];
    for (const [index, activityId] of plenaryIds.slice(0, 2).entries()) {
      const session = await json('post', '/api/v1/plenary-sessions', {
        activityId,
        termId: ids.terms,
        sessionNumber: index + 1,
        startsOn: '2020-01-08',
        agendaItems: [{ kind: 'budget', title: '财政预算报告' }],
      });
      if (session.status !== 201) {
        throw new Error(
          `fixture plenary session → ${session.status} ${JSON.stringify(session.body)}`,
        );
      }
      sessions.push(session.body as unknown as (typeof sessions)[number]);
    }
    ids['plenary-sessions'] = sessions[0].id;
    ids['agenda-items'] = sessions[1].agendaItems[0].id;
    // [M1] projects: snapshots go to a project of their own, so that deleting the
    // `key-projects` fixture and the `project-progress` one do not depend on each other.
    const progressProject = await json(
      'post',
      '/api/v1/key-projects',
      bodies['post /api/v1/key-projects'](),
    );
    ids.progressProject = progressProject.body.id as number;
    for (const [resource, path] of [
      ['key-projects', '/api/v1/key-projects'],
      ['project-progress', '/api/v1/project-progress'],
      ['counted-outcomes', '/api/v1/counted-outcomes'],
    ] as const) {
      const answer = await json('post', path, bodies[`post ${path}`]());
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M1] indicators: an indicator and a value for `{id}` (the value's period is its own); the
    // values belong to an indicator of their own, so that deleting the fixture is not refused.
    for (const [resource, path] of [
      ['valueIndicator', '/api/v1/indicators'],
      ['indicators', '/api/v1/indicators'],
      ['indicator-values', '/api/v1/indicator-values'],
    ] as const) {
      const answer = await json('post', path, bodies[`post ${path}`]());
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M1] supervision: supervision-kind activities, an area, the fixtures (the opinion hangs on
    // a supervision activity of its own, so that the fixture one can be deleted).
    ids.supervisionKind = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'inspection',
    )!.id;
    const areas = await call('get', '/api/v1/dictionary-items', {
      query: {
        dictionaryId: String(
          (dictionaries.body.items as { id: number; code: string }[]).find(
            (dictionary) => dictionary.code === 'supervision_area',
          )!.id,
        ),
      },
    });
    ids.supervisionArea = (areas.body.items as { id: number }[])[0].id;
    for (let index = 1; index <= 3; index += 1) {
      const activity = await json('post', '/api/v1/activities', {
        ...(bodies['post /api/v1/activities']() as object),
        kindId: ids.supervisionKind,
      });
      ids[`supervisionFree${index}`] = activity.body.id as number;
    }
    const host = await json(
      'post',
      '/api/v1/supervision-activities',
      bodies['post /api/v1/supervision-activities'](),
    );
    ids.supervisionHost = host.body.id as number;
    for (const [resource, path] of [
      ['supervision-activities', '/api/v1/supervision-activities'],
      ['opinions', '/api/v1/opinions'],
    ] as const) {
      const answer = await json('post', path, bodies[`post ${path}`]());
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M2] outreach: visit activities (one for the fixture, two left free for the POST), an
    // issue category, the fixtures.
    const visitKind = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'voter_visit',
    )!.id;
    for (let index = 0; index <= 2; index += 1) {
      const activity = await json('post', '/api/v1/activities', {
        ...(bodies['post /api/v1/activities']() as object),
        kindId: visitKind,
      });
      ids[`outreachFree${index}`] = activity.body.id as number;
    }
    const issueCategories = await call('get', '/api/v1/dictionary-items', {
      query: {
        dictionaryId: String(
          (dictionaries.body.items as { id: number; code: string }[]).find(
            (dictionary) => dictionary.code === 'issue_category',
          )!.id,
        ),
      },
    });
    ids.issueCategory = (issueCategories.body.items as { id: number }[])[0].id;
    for (const [resource, path, payload] of [
      [
        'outreach-activities',
        '/api/v1/outreach-activities',
        { activityId: ids.outreachFree0, votersReached: 10 },
      ],
      ['voter-issues', '/api/v1/voter-issues', bodies['post /api/v1/voter-issues']()],
    ] as const) {
      const answer = await json('post', path, payload);
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M2] suggestions
    const suggestionDeputy = await json('post', '/api/v1/deputies', {
      ...(bodies['post /api/v1/deputies']() as object),
      phone: '13812345679',
    });
    ids.suggestionDeputy = suggestionDeputy.body.id as number;
    const suggestionUnit = await json(
      'post',
      '/api/v1/handling-units',
      bodies['post /api/v1/handling-units'](),
    );
    ids.suggestionUnit = suggestionUnit.body.id as number;
    for (const [resource, path] of [
      ['handling-units', '/api/v1/handling-units'],
      ['suggestions', '/api/v1/suggestions'],
    ] as const) {
      const answer = await json('post', path, bodies[`post ${path}`]());
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M1] training: two training activities, one for the fixture's session and one left free
    // for the walk's POST (an activity takes one study session).
    const groupStudy = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'group_study',
    )!.id;
    const trainingActivity = async (): Promise<number> => {
      const answer = await json('post', '/api/v1/activities', {
        ...(bodies['post /api/v1/activities']() as object),
        kindId: groupStudy,
        title: '契约集中学习',
      });
      if (answer.status !== 201) throw new Error(`training activity → ${answer.status}`);
      return answer.body.id as number;
    };
    ids.freeTrainingActivity = await trainingActivity();
    const fixtureActivity = await trainingActivity();
    for (const [resource, path, payload] of [
      [
        'study-sessions',
        '/api/v1/study-sessions',
        { activityId: fixtureActivity, topic: '契约', hours: 1 },
      ],
      [
        'study-plans',
        '/api/v1/study-plans',
        { committeeId: ids.committee, year: 2020, title: '契约' },
      ],
      [
        'study-plan-items',
        '/api/v1/study-plan-items',
        () => ({ planId: ids['study-plans'], month: 1, topic: '契约' }),
      ],
    ] as const) {
      const answer = await json('post', path, typeof payload === 'function' ? payload() : payload);
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
    // [M1] attachments
    const attachmentActivity = await json('post', '/api/v1/activities', {
      ...(bodies['post /api/v1/activities']() as object),
      title: '契约附件活动',
    });
    ids.attachmentActivity = attachmentActivity.body.id as number;
    const attachment = await json(
      'post',
      '/api/v1/attachments',
      bodies['post /api/v1/attachments'](),
    );
    if (attachment.status !== 201) {
      throw new Error(
        `fixture attachment → ${attachment.status} ${JSON.stringify(attachment.body)}`,
      );
    }
    ids.attachments = attachment.body.id as number;
    indicatorSheetBytes = await indicatorSheet([]);
    // [M2] calendar
    const calendarDay = await json(
      'post',
      '/api/v1/calendar-days',
      bodies['post /api/v1/calendar-days'](),
    );
    if (calendarDay.status !== 201) {
      throw new Error(
        `fixture calendar day → ${calendarDay.status} ${JSON.stringify(calendarDay.body)}`,
      );
    }
    ids['calendar-days'] = calendarDay.body.id as number;
    // [M2] stations: a host station for the children, two reception-day activities (the
    // fixture's and a free one for the POST), the first standard item.
    const standard = await call('get', '/api/v1/station-standard-items');
    ids['station-standard-items'] = (standard.body.items as { id: number }[])[0].id;
    const stationHost = await json('post', '/api/v1/stations', bodies['post /api/v1/stations']());
    ids.stationHost = stationHost.body.id as number;
    const receptionKind = (kinds.body.items as { id: number; code: string }[]).find(
      (kind) => kind.code === 'reception_day',
    )!.id;
    const receptionDay = async (): Promise<number> => {
      const answer = await json('post', '/api/v1/activities', {
        ...(bodies['post /api/v1/activities']() as object),
        kindId: receptionKind,
        title: '契约接待日',
      });
      return answer.body.id as number;
    };
    ids.freeReceptionActivity = await receptionDay();
    const fixtureReception = await receptionDay();
    for (const [resource, path, payload] of [
      ['stations', '/api/v1/stations', bodies['post /api/v1/stations']()],
      ['station-roles', '/api/v1/station-roles', bodies['post /api/v1/station-roles']()],
      [
        'station-documents',
        '/api/v1/station-documents',
        bodies['post /api/v1/station-documents'](),
      ],
      [
        'receptions',
        '/api/v1/receptions',
        { activityId: fixtureReception, stationId: ids.stationHost },
      ],
      [
        'station-assessments',
        '/api/v1/station-assessments',
        { stationId: ids.stationHost, year: 2020 },
      ],
    ] as const) {
      const answer = await json('post', path, payload);
      if (answer.status !== 201) {
        throw new Error(`fixture ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      ids[resource] = answer.body.id as number;
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const seeding = await createTestApp({ database });
    const { districtId, subdistrictId } = await createOrganisation(seeding.app);
    ids.committee = subdistrictId;
    key = await issueKey(
      seeding.app,
      ['records:read', 'records:write', 'records:export', 'personal:reveal', 'reports:read'],
      { role: 'committeeAdmin', committeeId: districtId },
    );
    // Terms are the system administrator's, in the panel: the API only reads them.
    const term = await runAsSystem('test', () =>
      seeding.app
        .get(TermsService)
        .create({ name: '区第十五届', level: 'district', ordinal: 15, startsOn: '2016-11-01' }),
    );
    ids.terms = term.id;
    await seeding.close();
    server = await startBuiltServer({ ...database.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const docs = await fetch(`${server.url}/api/docs-json`);
    if (docs.status !== 200) throw new Error(`/api/docs-json answered ${docs.status}`);
    document = (await docs.json()) as typeof document;
    await createFixtures();
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  }, 60_000);

  it('should print the first passwords last, in a box, before it listens, without route chatter', () => {
    const output = server.output();
    const boxAt = output.indexOf('╔');
    expect(boxAt).toBeGreaterThan(-1);
    expect(output.slice(boxAt)).toMatch(/用户名 admin {2}密码 \S{12,}/);
    expect(boxAt).toBeLessThan(output.indexOf('listening on'));
    expect(output).not.toContain('Mapped {');
    expect(output).not.toContain('dependencies initialized');
  });

  it('should document a schema for every answer and pass the OpenAPI linter', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    const reported = problems
      // The health checks answer 200 or 503 and nothing else: no 4xx to document.
      .filter(
        (problem) =>
          !(
            problem.ruleId === 'operation-4xx-response' &&
            problem.location[0]?.pointer?.startsWith('#/paths/~1health~1')
          ),
      )
      .map(
        (problem) =>
          `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
      );
    expect(reported).toEqual([]);
    const undocumented = operations()
      .filter((operation) => operation.path.startsWith('/api/'))
      .filter((operation) => {
        const success = Object.entries(operation.responses).find(([status]) => status < '300');
        return !success || (success[0] !== '204' && !(success[1] as { content?: unknown }).content);
      })
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(undocumented).toEqual([]);
  });

  it('should answer every documented operation with 2xx for a valid request', async () => {
    const bodies = validBodies();
    const failures: string[] = [];
    const ordered = operations()
      .filter(
        (operation) => operation.path.startsWith('/api/') || operation.path === '/health/live',
      )
      .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'))
      // Attendance rows go before the activity and the deputy they belong to.
      .sort((a, b) =>
        a.method === 'delete' && b.method === 'delete'
          ? b.path.split('/').length - a.path.split('/').length
          : 0,
      );
    for (const operation of ordered) {
      const name = `${operation.method} ${operation.path}`;
      let answer: Answer;
      if (operation.requestBody !== undefined) {
        const body = bodies[name];
        if (!body) {
          failures.push(`${name}: no valid body in VALID_BODIES`);
          continue;
        }
        answer = await json(
          operation.method,
          concrete(operation.path),
          body(),
          requiredQuery(operation),
        );
      } else {
        answer = await call(operation.method, concrete(operation.path), {
          query: requiredQuery(operation),
          ...(bodies[name] && { body: undefined }),
        });
      }
      if (answer.status >= 300) {
        failures.push(`${name} → ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 180_000);

  it('should answer bad requests with a documented 4xx naming the field, never a 500', async () => {
    const failures: string[] = [];
    const check = (name: string, what: string, operation: Operation, answer: Answer): void => {
      const label = `${name} [${what}] → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
      if (answer.status >= 500) failures.push(`500: ${label}`);
      else if (answer.status >= 400 && !(String(answer.status) in operation.responses)) {
        failures.push(`undocumented: ${label}`);
      }
      if (
        answer.status === 400 &&
        !(answer.body.details?.length && answer.body.details.every((detail) => detail.field))
      ) {
        failures.push(`400 without the field: ${label}`);
      }
    };
    for (const operation of operations().filter((op) => op.path.startsWith('/api/'))) {
      const name = `${operation.method} ${operation.path}`;
      const path = concrete(operation.path);
      const query = requiredQuery(operation);
      for (const bad of BAD_QUERIES) {
        const answer = await call(operation.method, path, { query: { ...query, ...bad } });
        check(name, `query ${JSON.stringify(bad)}`, operation, answer);
      }
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        for (const value of ['abc', '𠮷'.repeat(300), '-1', '1e21']) {
          const answer = await call(operation.method, path, {
            query: { ...query, [parameter.name]: value },
          });
          check(name, `${parameter.name}=${value.slice(0, 8)}`, operation, answer);
        }
      }
      if (operation.path.includes('{')) {
        for (const id of BAD_IDS) {
          const answer = await call(operation.method, operation.path.replace(/\{\w+\}/g, id), {
            query,
          });
          check(name, `id ${id}`, operation, answer);
        }
      }
      if (operation.method !== 'get' && operation.method !== 'delete') {
        const bodies: [string, string, string?][] = [
          ['nested JSON 5,000 deep', DEEP_JSON],
          ['text/plain', 'hello', 'text/plain'],
          ['an array', '[1,2,3]'],
          ['null', 'null'],
          ['a number', '42'],
          ['broken JSON', '{"name": '],
          ['4-byte characters', JSON.stringify({ name: '𠮷'.repeat(60), title: '𠮷'.repeat(60) })],
          ['wrong types', JSON.stringify({ name: {}, committeeId: 'x', items: 'x', status: 7 })],
          [
            'the year 0000',
            JSON.stringify({
              ...(validBodies()[name]?.() as object),
              startsAt: '0000-01-01T00:00:00+08:00',
              birthDate: '0000-01-01',
            }),
          ],
        ];
        for (const [what, body, contentType] of bodies) {
          const answer = await call(operation.method, path, { body, contentType, query });
          check(name, what, operation, answer);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
