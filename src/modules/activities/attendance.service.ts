import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  conflict,
  invalidInput,
  notFound,
  referenceNotFound,
  ruleViolation,
} from '../../common/errors.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';
import { authorize } from '../../platform/records/record.service.js';
import { currentActor } from '../../platform/access/actor.js';
import { AuditTrail, auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { isUniqueViolation } from '../../database/database-errors.js';
import { committeeSubtree } from '../committees/committee-scope.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.entity.js';
import type { AttendanceItemDto } from './dto/activity.dto.js';

/** 出席记录: who attended, was on leave or absent at an activity; one row per deputy. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(activityId: number): Promise<Attendance[]> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'list');
    await this.requireActivity(this.dataSource.manager, activityId);
    return this.dataSource
      .getRepository(Attendance)
      .find({ where: { activityId }, order: { deputyId: 'ASC' } });
  }

  /** Adds one row; a second row for the same deputy is a 409. */
  async add(activityId: number, item: AttendanceItemDto): Promise<Attendance> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'new');
    return this.dataSource.transaction(async (manager) => {
      await this.checkItems(manager, activityId, [item]);
      try {
        const saved = await manager.save(
          Attendance,
          manager.create(Attendance, { activityId, ...item, note: item.note ?? null }),
        );
        await this.audit.record(manager, {
          action: 'create',
          objectType: 'attendance',
          objectId: saved.id,
          detail: auditSnapshot(saved),
        });
        return saved;
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict(
            {
              zh: '该代表在此活动已有出席记录',
              en: 'This deputy already has an attendance row for the activity',
            },
            'deputyId',
          );
        }
        throw error;
      }
    });
  }

  /** Inserts or updates every row by deputy, all or nothing. */
  async upsert(activityId: number, items: AttendanceItemDto[]): Promise<Attendance[]> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'edit');
    return this.dataSource.transaction((manager) =>
      this.upsertWithin(manager, activityId, items, 'items'),
    );
  }

  /**
   * The bulk upsert inside a transaction the caller holds, so that an activity and its
   * attendance (POST/PATCH /activities with `attendance`) commit or fail together. `field`
   * names the array in error details (`attendance.2.deputyId`). Returns all the activity's rows.
   */
  async upsertWithin(
    manager: EntityManager,
    activityId: number,
    items: AttendanceItemDto[],
    field: string,
  ): Promise<Attendance[]> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'edit');
    await this.checkItems(manager, activityId, items, field);
    const existing = await manager.find(Attendance, {
      where: { activityId, deputyId: In(items.map((item) => item.deputyId)) },
    });
    const byDeputy = new Map(existing.map((row) => [row.deputyId, row]));
    const rows = items.map((item) =>
      manager.merge(
        Attendance,
        byDeputy.get(item.deputyId) ?? manager.create(Attendance, { activityId }),
        {
          deputyId: item.deputyId,
          status: item.status,
          note: item.note ?? null,
        },
      ),
    );
    await manager.save(Attendance, rows);
    await this.audit.record(manager, {
      action: 'update',
      objectType: 'activity',
      objectId: activityId,
      detail: { attendance: items.map(({ deputyId, status }) => ({ deputyId, status })) },
    });
    return manager.find(Attendance, { where: { activityId }, order: { deputyId: 'ASC' } });
  }

  /** Changes the status or note of one row (the admin panel edits rows by id). */
  async updateById(
    id: number,
    changes: { status?: AttendanceItemDto['status']; note?: string | null },
  ): Promise<Attendance> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'edit');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.requireRow(manager, id);
      const before = { ...row };
      await this.requireOpenActivity(manager, row.activityId);
      if (changes.status) row.status = changes.status;
      if (changes.note !== undefined) row.note = changes.note;
      const saved = await manager.save(Attendance, row);
      await this.audit.record(manager, {
        action: 'update',
        objectType: 'attendance',
        objectId: id,
        detail: auditDiff(before, saved),
      });
      return saved;
    });
  }

  async removeById(id: number): Promise<void> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'delete');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.requireRow(manager, id);
      await manager.delete(Attendance, { id });
      await this.audit.record(manager, {
        action: 'delete',
        objectType: 'attendance',
        objectId: id,
        detail: auditSnapshot(row),
      });
    });
  }

  async remove(activityId: number, deputyId: number): Promise<void> {
    authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'delete');
    await this.dataSource.transaction(async (manager) => {
      await this.requireActivity(manager, activityId);
      const row = await manager.findOneBy(Attendance, { activityId, deputyId });
      if (!row) throw notFound(ACTIVITIES_LABELS.records.attendance, `${activityId}/${deputyId}`);
      await manager.delete(Attendance, { id: row.id });
      await this.audit.record(manager, {
        action: 'delete',
        objectType: 'attendance',
        objectId: row.id,
        detail: auditSnapshot(row),
      });
    });
  }

  /** An activity of the actor's committees; another committee's is "not found". */
  private async requireActivity(manager: EntityManager, activityId: number): Promise<Activity> {
    const { committeeIds } = currentActor();
    const activity = await manager.findOneBy(Activity, {
      id: activityId,
      ...(committeeIds ? { committeeId: In([...committeeIds]) } : {}),
    });
    if (!activity) throw notFound(ACTIVITIES_LABELS.records.activity, activityId);
    return activity;
  }

  private async requireRow(manager: EntityManager, id: number): Promise<Attendance> {
    const row = await manager.findOneBy(Attendance, { id });
    if (!row) throw notFound(ACTIVITIES_LABELS.records.attendance, id);
    // The row is visible only through an activity the actor may see.
    await this.requireActivity(manager, row.activityId).catch(() => {
      throw notFound(ACTIVITIES_LABELS.records.attendance, id);
    });
    return row;
  }

  /** An activity that may take attendance: it exists and was not cancelled. */
  private async requireOpenActivity(manager: EntityManager, activityId: number): Promise<Activity> {
    const activity = await this.requireActivity(manager, activityId);
    if (activity.status === 'cancelled') {
      throw ruleViolation({
        zh: '已取消的活动不能登记出席',
        en: 'A cancelled activity takes no attendance',
      });
    }
    return activity;
  }

  /**
   * Each deputy listed once, and each one the activity may take (else "does not exist"). Errors
   * name `<field>.<index>.deputyId`, or `deputyId` for a single row (no `field`).
   */
  private async checkItems(
    manager: EntityManager,
    activityId: number,
    items: AttendanceItemDto[],
    field?: string,
  ): Promise<void> {
    const activity = await this.requireOpenActivity(manager, activityId);
    const seen = new Set<number>();
    items.forEach((item, index) => {
      if (seen.has(item.deputyId)) {
        throw invalidInput([
          {
            field: `${field ?? 'items'}.${index}.deputyId`,
            problem: '同一代表重复出现 / deputy listed twice',
          },
        ]);
      }
      seen.add(item.deputyId);
    });
    // Who may be recorded: deputies of the activity's committee and the committees below it
    // (a district activity takes its subdistricts' deputies, a subdistrict's only its own), and
    // only those the actor may see. Anyone else answers exactly like an id that does not exist,
    // so attendance neither leaks an activity into another committee's performance records nor
    // tells whether a deputy id exists there.
    const { committeeIds } = currentActor();
    const eligible = (await committeeSubtree(manager, activity.committeeId)).filter(
      (id) => !committeeIds || committeeIds.includes(id),
    );
    const found = await manager.find(Deputy, {
      select: { id: true },
      where: { id: In([...seen]), committeeId: In(eligible) },
    });
    const known = new Set(found.map((deputy) => deputy.id));
    const missing = items.findIndex((item) => !known.has(item.deputyId));
    if (missing >= 0) {
      throw referenceNotFound(
        field === undefined ? 'deputyId' : `${field}.${missing}.deputyId`,
        DEPUTIES_LABELS.records.deputy,
        items[missing].deputyId,
      );
    }
  }
}
