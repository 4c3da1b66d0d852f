import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DictionariesModule } from '../dictionaries/dictionaries.module.js';
import { SuggestionsModule } from '../suggestions/suggestions.module.js';
import { OutreachActivitiesService } from './outreach-activities.service.js';
import { OutreachActivity } from './outreach-activity.entity.js';
import { OutreachActivitiesController, VoterIssuesController } from './outreach.controller.js';
import { OutreachDeadlines } from './outreach.deadlines.js';
import { OutreachRepository } from './outreach.repository.js';
import { OutreachStatistics } from './outreach.stats.js';
import { VoterIssueEscalation } from './voter-issue-escalation.js';
import { VoterIssue } from './voter-issue.entity.js';
import { VoterIssueUpdate } from './voter-issue-update.entity.js';
import { VoterIssuesService } from './voter-issues.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([OutreachActivity, VoterIssue, VoterIssueUpdate]),
    DictionariesModule,
    SuggestionsModule,
  ],
  controllers: [OutreachActivitiesController, VoterIssuesController],
  providers: [
    OutreachRepository,
    OutreachActivitiesService,
    VoterIssuesService,
    VoterIssueEscalation,
    OutreachStatistics,
    OutreachDeadlines,
  ],
  exports: [
    OutreachRepository,
    OutreachActivitiesService,
    VoterIssuesService,
    OutreachStatistics,
    OutreachDeadlines,
  ],
})
export class OutreachModule {}
