import type { AreaLabels } from '../../platform/areas/area.js';

const STAMPS = { createdAt: '创建时间', updatedAt: '更新时间' } as const;

/** How the stations area's records, fields and values are called. */
export const STATIONS_LABELS = {
  records: {
    station: { zh: '代表联络站', en: 'Liaison station' },
    stationRole: { zh: '联络站人员', en: 'Station role' },
    stationDocument: { zh: '联络站制度', en: 'Station document' },
    reception: { zh: '接待记录', en: 'Reception' },
    stationStandardItem: { zh: '建站标准条目', en: 'Station standard item' },
    stationAssessment: { zh: '联络站年度考评', en: 'Station assessment' },
    stationAssessmentItem: { zh: '考评条目', en: 'Assessment item' },
  },
  values: {
    stationRole: {
      head: '站长',
      deputyHead: '副站长',
      liaisonOfficer: '联络员',
      deputy: '驻站代表',
    },
    stationDocumentKind: {
      studyRules: '学习制度',
      activityRules: '活动制度',
      attendanceRules: '考勤制度',
      headDuties: '站长职责',
      officerDuties: '联络员职责',
      other: '其他制度',
    },
  },
  resources: {
    Station: {
      name: '代表联络站',
      properties: {
        id: '编号',
        committeeId: '人大工委',
        communityId: '社区/村',
        name: '名称',
        address: '地址',
        latitude: '纬度',
        longitude: '经度',
        floorArea: '面积（平方米）',
        openingHours: '开放时间',
        receptionSchedule: '接待日安排',
        receptionScheduleKind: '接待日（每周/每月）',
        receptionScheduleDays: '接待日（星期几或几日，逗号分隔）',
        receptionScheduleText: '接待日',
        contactName: '联系人',
        contactPhone: '联系电话',
        ...STAMPS,
      },
    },
    StationRole: {
      name: '联络站人员',
      properties: {
        id: '编号',
        stationId: '联络站',
        role: '职务',
        deputyId: '代表',
        personName: '姓名（非代表）',
        startsOn: '起始日期',
        endsOn: '截止日期',
        ...STAMPS,
      },
    },
    StationDocument: {
      name: '联络站制度',
      properties: {
        id: '编号',
        stationId: '联络站',
        kind: '类别',
        title: '标题',
        content: '内容',
        effectiveOn: '施行日期',
        ...STAMPS,
      },
    },
    Reception: {
      name: '接待记录',
      properties: {
        id: '编号',
        activityId: '接待日活动',
        stationId: '联络站',
        announcedOn: '公告日期',
        votersReceived: '接待选民人数',
        notes: '接待情况',
        ...STAMPS,
      },
    },
    StationStandardItem: {
      name: '建站标准（示例：九有）',
      properties: {
        id: '编号',
        title: '条目',
        description: '说明',
        weight: '分值',
        evidenceRequired: '需佐证材料',
        sortOrder: '排序',
        enabled: '启用',
        ...STAMPS,
      },
    },
    StationAssessment: {
      name: '联络站年度考评',
      properties: {
        id: '编号',
        stationId: '联络站',
        year: '年度',
        assessedOn: '考评日期',
        totalScore: '得分',
        maxScore: '满分',
        notes: '备注',
        ...STAMPS,
      },
    },
    StationAssessmentItem: {
      name: '考评条目',
      properties: {
        id: '编号',
        assessmentId: '年度考评',
        standardItemId: '标准条目',
        title: '条目',
        weight: '分值',
        met: '达到',
        evidence: '佐证说明',
        score: '得分',
        ...STAMPS,
      },
    },
    StationChoice: { name: '联络站', properties: { id: '编号', name: '名称' } },
    ReceptionActivityChoice: {
      name: '联络站类活动',
      properties: { id: '编号', title: '标题', startsAt: '开始时间' },
    },
  },
} as const satisfies AreaLabels;
