import { ownedByCommittee, throughParent } from '../../platform/access/record-scope.js';
import { Activity } from '../activities/activity.entity.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { VoterIssue } from './voter-issue.entity.js';

/** A visit or forum is its core activity's committee's. */
export const OUTREACH_ACTIVITY_SCOPE = throughParent<OutreachActivity, Activity>(
  'activity',
  'activityId',
  Activity,
);

/** A voter issue belongs to its committee (stations have no scope of their own). */
export const VOTER_ISSUE_SCOPE = ownedByCommittee<VoterIssue>();
