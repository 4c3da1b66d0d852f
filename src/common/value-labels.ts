/** Chinese labels of enum values, shared by the admin forms and filters and by exports. */
export const VALUE_LABELS = {
  committeeKind: { district: '区人大常委会', subdistrict: '街道人大工委' },
  communityKind: { community: '社区', village: '村' },
  level: { district: '区级', city: '市级', provincial: '省级', national: '全国' },
  gender: { male: '男', female: '女' },
  deputyStatus: { serving: '在任', ended: '已终止' },
  activityStatus: { planned: '计划中', held: '已举行', cancelled: '已取消' },
  attendanceStatus: { attended: '出席', leave: '请假', absent: '缺席' },
  category: {
    meeting: '会议',
    training: '学习培训',
    supervision: '监督',
    plenary: '代表大会',
    station: '联络站',
    outreach: '联系选民',
    other: '其他',
  },
} as const;
