import type { Area } from '../../platform/areas/area.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { OUTREACH_LABELS } from './outreach.labels.js';
import { OutreachDeadlines } from './outreach.deadlines.js';
import { OutreachModule } from './outreach.module.js';
import { OUTREACH_ACTIVITY_SCOPE, VOTER_ISSUE_SCOPE } from './outreach.scopes.js';
import { OutreachStatistics } from './outreach.stats.js';
import { VoterIssue } from './voter-issue.entity.js';
import { VoterIssueUpdate } from './voter-issue-update.entity.js';

/** 联系选民: visits and forums (走访座谈), voter issues (选民意见) and their timeline. */
export const OUTREACH_AREA = {
  name: 'outreach',
  module: OutreachModule,
  entities: [OutreachActivity, VoterIssue, VoterIssueUpdate],
  labels: OUTREACH_LABELS,
  statistics: OutreachStatistics,
  deadlines: OutreachDeadlines,
  attachable: {
    outreachActivity: {
      entity: OutreachActivity,
      resource: 'outreachActivity',
      scope: OUTREACH_ACTIVITY_SCOPE,
      purposes: ['material', 'signInSheet'],
    },
    voterIssue: {
      entity: VoterIssue,
      resource: 'voterIssue',
      scope: VOTER_ISSUE_SCOPE,
      purposes: ['evidence', 'file'],
    },
  },
  adminAccess: {
    OutreachActivity: { permission: 'outreachActivity' },
    VoterIssue: {
      permission: 'voterIssue',
      recordActions: ['answer', 'refer', 'resolve', 'escalate', 'decline', 'feedback', 'reveal'],
    },
    OutreachActivityChoice: { permission: 'activity', picker: true },
    VoterIssueActivityChoice: { permission: 'activity', picker: true },
    VoterIssueCategory: { permission: 'dictionaryItem', picker: true },
    VoterIssueHandlingUnit: { permission: 'handlingUnit', picker: true },
    VoterIssueSuggestion: { permission: 'suggestion', picker: true },
  },
  admin: () => import('./admin/outreach.admin.js'),
} satisfies Area;
