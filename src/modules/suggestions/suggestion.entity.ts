import {
  BaseEntity,
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
import { Committee } from '../committees/committee.entity.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { DictionaryItem } from '../dictionaries/dictionary-item.entity.js';
import { PlenarySession } from '../plenary/plenary-session.entity.js';
import { HandlingUnit } from './handling-unit.entity.js';
import type { ReplyClass, SuggestionEvaluation, SuggestionStatus } from './suggestion.rules.js';

/**
 * 代表建议、批评和意见: one matter a deputy (with co-signers) raises, at a congress session or
 * between sessions, followed through suggestion.rules.ts: registered → assigned (交办 to a lead
 * unit and co-units) → returned (退回) / replied (答复, class A–D) → evaluated by the deputy →
 * rehandling (不满意), tracking (B/C until solved) or closed (办结). The step fields are set only
 * by their steps (POST /suggestions/{id}/transitions).
 */
@Entity()
@Index(['committeeId', 'number'], { unique: true })
@Index(['committeeId', 'status'])
@Index(['leadDeputyId'])
@Index(['plenarySessionId'])
@Index(['leadUnitId'])
export class Suggestion extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  committeeId: number;

  @ManyToOne(() => Committee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'committee_id' })
  committee?: Relation<Committee>;

  /** 编号 (e.g. 第15号), unique within the committee when given. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  number: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** 内容: one matter (一事一议). */
  @Column({ type: 'text' })
  content: string;

  /** 领衔代表 */
  @Column({ type: 'integer' })
  leadDeputyId: number;

  @ManyToOne(() => Deputy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_deputy_id' })
  leadDeputy?: Relation<Deputy>;

  /** 大会期间: the congress session it was raised at; null when raised between sessions (闭会期间). */
  @Column({ type: 'integer', nullable: true })
  plenarySessionId: number | null;

  @ManyToOne(() => PlenarySession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plenary_session_id' })
  plenarySession?: Relation<PlenarySession> | null;

  /** 提出日期 */
  @Column({ type: 'date' })
  raisedOn: string;

  /** 登记日期: from which the assignment period (5 working days) runs; defaults to raisedOn. */
  @Column({ type: 'date' })
  registeredOn: string;

  /** 问题类别: an item of the `issue_category` dictionary. */
  @Column({ type: 'integer', nullable: true })
  categoryId: number | null;

  @ManyToOne(() => DictionaryItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<DictionaryItem> | null;

  @Column({ type: 'varchar', length: 16 })
  status: SuggestionStatus;

  /** 办理轮次: 1, and one more for each re-handling after a 不满意 evaluation. */
  @Column({ type: 'integer', default: 1 })
  round: number;

  /** 交办日期 (the latest assignment) */
  @Column({ type: 'date', nullable: true })
  assignedOn: string | null;

  /** 主办单位 */
  @Column({ type: 'integer', nullable: true })
  leadUnitId: number | null;

  @ManyToOne(() => HandlingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_unit_id' })
  leadUnit?: Relation<HandlingUnit> | null;

  /** 答复期限: assignment + 3 months (re-handling: evaluation + 1 month), or as extended. */
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  /** 退回期限: the last day the lead unit may return it (assignment + 7 working days). */
  @Column({ type: 'date', nullable: true })
  returnDueOn: string | null;

  /** 退回日期 and 退回理由 (the latest return) */
  @Column({ type: 'date', nullable: true })
  returnedOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  returnReason: string | null;

  /** 延期: at most once; the reason, who approved it and when. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  extensionReason: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  extensionApprovedBy: string | null;

  @Column({ type: 'date', nullable: true })
  extensionApprovedOn: string | null;

  /** 答复日期, 答复内容, 答复类别 (A 已解决 / B 正在解决 / C 计划解决 / D 留作参考) */
  @Column({ type: 'date', nullable: true })
  repliedOn: string | null;

  @Column({ type: 'text', nullable: true })
  replyText: string | null;

  @Column({ type: 'varchar', length: 1, nullable: true })
  replyClass: ReplyClass | null;

  /** 代表评价 (满意 / 基本满意 / 不满意) and its date */
  @Column({ type: 'varchar', length: 20, nullable: true })
  evaluation: SuggestionEvaluation | null;

  @Column({ type: 'date', nullable: true })
  evaluatedOn: string | null;

  /** 解决日期: a B or C reply's matter solved (办结 of a tracked suggestion). */
  @Column({ type: 'date', nullable: true })
  solvedOn: string | null;

  /** 办结日期 */
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
