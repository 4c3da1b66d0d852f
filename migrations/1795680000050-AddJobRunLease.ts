import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A lease on each job run's claim (issue H1 §5): a run whose process died stays `running` only
 * until its lease passes, then the next attempt takes it over (`attempts`, `takenOverFrom`).
 * Claims written before have no lease and count as lapsed.
 */
export class AddJobRunLease1795680000050 implements MigrationInterface {
  name = 'AddJobRunLease1795680000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('job_run', [
      new TableColumn({ name: 'lease_until', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'attempts', type: 'integer', default: 1 }),
      new TableColumn({
        name: 'taken_over_from',
        type: 'varchar',
        length: '100',
        isNullable: true,
      }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('job_run', 'taken_over_from');
    await queryRunner.dropColumn('job_run', 'attempts');
    await queryRunner.dropColumn('job_run', 'lease_until');
  }
}
