import type { ISession } from 'connect-typeorm';
import { Column, DeleteDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Admin sessions, shared by every instance through the database (connect-typeorm). */
@Entity({ name: 'admin_session' })
export class AdminSession implements ISession {
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
