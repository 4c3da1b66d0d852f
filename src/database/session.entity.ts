import type { ISession } from 'connect-typeorm';
import { BaseEntity, Column, DeleteDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Admin sessions, shared by every instance through the database (connect-typeorm); BaseEntity for
 * the security administrator's online-sessions view (@adminjs/typeorm needs it).
 */
@Entity({ name: 'admin_session' })
export class AdminSession extends BaseEntity implements ISession {
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id: string;

  @Index()
  @Column({ type: 'bigint' })
  expiredAt: number;

  @Column({ type: 'text' })
  json: string;

  @DeleteDateColumn()
  destroyedAt?: Date;
}
