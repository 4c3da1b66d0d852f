import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/** TOTP second factor per admin user (等保2.0 身份鉴别, two factors for administrators). */
export class AddSecondFactor1795680000009 implements MigrationInterface {
  name = 'AddSecondFactor1795680000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('admin_user', [
      new TableColumn({ name: 'totp_secret', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'totp_enabled_at', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'totp_last_step', type: 'integer', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('admin_user', [
      'totp_last_step',
      'totp_enabled_at',
      'totp_secret',
    ]);
  }
}
