import type { AreaLabels } from '../../platform/areas/area.js';

/** How the supervision area's records, fields, values and workflow steps are called. */
export const SUPERVISION_LABELS = {
  records: {
    supervisionActivity: { zh: '监督活动', en: 'Supervision activity' },
    opinion: { zh: '意见建议', en: 'Opinion' },
    opinionUpdate: { zh: '办理进展', en: 'Opinion update' },
    supervisionArea: { zh: '监督领域', en: 'Supervision area' },
  },
  values: {
    opinionStatus: {
      open: '待交办',
      assigned: '已交办',
      inProgress: '办理中',
      done: '已办结',
      closed: '已关闭',
    },
    opinionUpdateAction: {
      assign: '交办',
      start: '开始办理',
      finish: '办结',
      close: '关闭',
      note: '进展记录',
    },
  },
  resources: {
    SupervisionActivity: {
      name: '监督活动',
      properties: {
        id: '编号',
        activityId: '代表活动',
        areaId: '监督领域',
        subject: '主题',
        findings: '发现的问题',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    Opinion: {
      name: '意见建议',
      properties: {
        id: '编号',
        supervisionActivityId: '监督活动',
        committeeId: '人大工委',
        content: '意见建议内容',
        responsibleUnit: '责任单位',
        raisedOn: '提出日期',
        dueOn: '办理期限',
        completedOn: '办结日期',
        status: '办理状态',
        closeReason: '关闭原因',
        overdue: '逾期',
        timeline: '办理进展',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    OpinionUpdate: {
      name: '办理进展',
      properties: {
        id: '编号',
        opinionId: '意见建议',
        at: '时间',
        actorName: '操作人',
        action: '事项',
        note: '说明',
        createdAt: '创建时间',
        updatedAt: '更新时间',
      },
    },
    SupervisionActivityChoice: {
      name: '监督类活动',
      properties: { id: '编号', title: '标题', startsAt: '开始时间' },
    },
    SupervisionArea: { name: '监督领域', properties: { id: '编号', label: '名称' } },
  },
  actions: {
    assign: '交办',
    start: '开始办理',
    finish: '办结',
    close: '关闭',
  },
} as const satisfies AreaLabels;
