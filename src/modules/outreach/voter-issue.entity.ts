import {
  BaseEntity,
  BeforeInsert,
  BeforeUpdate,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { encryptedColumn, personalDataHash } from '../../common/personal-data.js';
import { Activity } from '../activities/activity.entity.js';
import { Committee } from '../committees/committee.entity.js';
import { Community } from '../committees/community.entity.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { DictionaryItem } from '../dictionaries/dictionary-item.entity.js';
import { HandlingUnit } from '../suggestions/handling-unit.entity.js';
import { Suggestion } from '../suggestions/suggestion.entity.js';
import type { Satisfaction, VoterIssueSource, VoterIssueStatus } from './voter-issue.rules.js';

/**
 * 选民意见: an issue a voter raised (at a visit, a forum, a station's reception, by phone or
 * online), followed to its outcome and the feedback to the voter (voter-issue.rules.ts). The
 * voter's name, phone and address are personal data: ciphertext at rest, masked on every screen.
 */
@Entity()
@Index(['committeeId', 'receivedOn'])
@Index(['status', 'dueOn'])
export class VoterIssue extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 来源 */
  @Column({ type: 'varchar', length: 16 })
  source: VoterIssueSource;

  /** The visit, forum or reception it was collected at. */
  @Column({ type: 'integer', nullable: true })
  activityId: number | null;

  @ManyToOne(() => Activity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'activity_id' })
  activity?: Relation<Activity> | null;

  /** 选民姓名 (personal data, encrypted) */
  @Column({ type: 'varchar', length: 300, nullable: true, transformer: encryptedColumn })
  voterName: string | null;

  /** 联系电话 (personal data, encrypted) */
  @Column({ type: 'varchar', length: 200, nullable: true, transformer: encryptedColumn })
  voterPhone: string | null;

  /** Keyed hash of `voterPhone` for exact-match search; never shown. */
  @Index()
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  voterPhoneHash?: string | null;

  /** 住址 (personal data, encrypted) */
  @Column({ type: 'varchar', length: 1000, nullable: true, transformer: encryptedColumn })
  voterAddress: string | null;

  @Column({ type: 'integer', nullable: true })
  communityId: number | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id' })
  community?: Relation<Community> | null;

  /** 收集代表 */
  @Column({ type: 'integer', nullable: true })
  deputyId: number | null;

  @ManyToOne(() => Deputy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deputy_id' })
  deputy?: Relation<Deputy> | null;

  /** 问题类别: an item of the `issue_category` dictionary. */
  @Column({ type: 'integer' })
  categoryId: number;

  @ManyToOne(() => DictionaryItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<DictionaryItem>;

  @Column({ type: 'text' })
  description: string;

  /** 受理日期 */
  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'varchar', length: 16 })
  status: VoterIssueStatus;

  /** 承办单位 (转交办理) */
  @Column({ type: 'integer', nullable: true })
  handlingUnitId: number | null;

  @ManyToOne(() => HandlingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handling_unit_id' })
  handlingUnit?: Relation<HandlingUnit> | null;

  /** 转交日期 */
  @Column({ type: 'date', nullable: true })
  referredOn: string | null;

  /** 办理期限 */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** How many times it was referred (a new referral is a new reminder round). */
  @Column({ type: 'integer', default: 0 })
  referralCount: number;

  /** 答复 / 解决情况 */
  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  /** 转为的代表建议 */
  @Column({ type: 'integer', nullable: true })
  suggestionId: number | null;

  @ManyToOne(() => Suggestion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'suggestion_id' })
  suggestion?: Relation<Suggestion> | null;

  /** 不予采纳理由 */
  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  /** 办结日期: the day the outcome was reached (answered, resolved, escalated, declined). */
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  /** 反馈日期 */
  @Column({ type: 'date', nullable: true })
  feedbackOn: string | null;

  /** 选民满意度 */
  @Column({ type: 'varchar', length: 24, nullable: true })
  satisfaction: Satisfaction | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  feedbackNote: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @BeforeInsert()
  @BeforeUpdate()
  protected hashPersonalData(): void {
    if (this.voterPhone !== undefined) this.voterPhoneHash = personalDataHash(this.voterPhone);
  }
}
