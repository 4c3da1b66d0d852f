import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  conflict,
  invalidInput,
  notFound,
  referenceNotFound,
  ruleViolation,
} from '../../common/errors.js';
import { authorize } from '../../platform/records/record.service.js';
import { RecordWrites, useCase, type Write } from '../../platform/records/write-use-case.js';
import type { Action } from '../../platform/access/permissions.js';
import { CommitteeTree } from '../../platform/access/committee-tree.js';
import { ownedByCommittee, throughParent } from '../../platform/access/record-scope.js';
import { auditDiff, auditSnapshot } from '../../platform/audit/audit-trail.service.js';
import { isUniqueViolation } from '../../database/database-errors.js';
import { Deputy } from '../deputies/deputy.entity.js';
import { ActivitiesRepository } from './activities.repository.js';
import { Activity } from './activity.entity.js';
import { Attendance } from './attendance.entity.js';
import type { AttendanceItemDto } from './dto/activity.dto.js';
import { ACTIVITIES_LABELS } from './activities.labels.js';
import { DEPUTIES_LABELS } from '../deputies/deputies.labels.js';

const attendanceUseCase = (action: Action) =>
  useCase('attendance', ACTIVITIES_LABELS.records.attendance, action);

/** An activity is its committee's; its attendance rows are seen only through it. */
const ACTIVITY_SCOPE = ownedByCommittee<Activity>();
const ATTENDANCE_SCOPE = throughParent<Attendance, Activity>('activity', 'activityId', Activity);

/** 出席记录: who attended, was on leave or absent at an activity; one row per deputy. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly writes: RecordWrites,
    private readonly committees: CommitteeTree,
  ) {}

  async list(activityId: number): Promise<Attendance[]> {
    const actor = authorize('attendance', ACTIVITIES_LABELS.records.attendance, 'list');
    await this.activities.activityInScope(activityId, actor);
    return this.activities.attendanceOf(activityId);
  }

  /** Adds one row; a second row for the same deputy is a 409. */
  async add(activityId: number, item: AttendanceItemDto): Promise<Attendance> {
    return this.writes.run(attendanceUseCase('new'), async (write) => {
      const { manager } = write;
      await this.checkItems(write, activityId, [item]);
      try {
        const saved = await manager.save(
          Attendance,
          manager.create(Attendance, { activityId, ...item, note: item.note ?? null }),
        );
        await write.audit({ action: 'create', objectId: saved.id, detail: auditSnapshot(saved) });
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
    return this.writes.run(attendanceUseCase('edit'), (write) =>
      this.upsertRows(write, activityId, items, 'items'),
    );
  }

  /**
   * The bulk upsert inside the write of an enclosing use case, so that an activity and its
   * attendance (POST/PATCH /activities with `attendance`) commit or fail together. `field`
   * names the array in error details (`attendance.2.deputyId`). Returns all the activity's rows.
   */
  async upsertWithin(
    within: Write,
    activityId: number,
    items: AttendanceItemDto[],
    field: string,
  ): Promise<Attendance[]> {
    return this.writes.run(
      attendanceUseCase('edit'),
      (write) => this.upsertRows(write, activityId, items, field),
      within,
    );
  }

  /** Changes the status or note of one row (the admin panel edits rows by id). */
  async updateById(
    id: number,
    changes: { status?: AttendanceItemDto['status']; note?: string | null },
  ): Promise<Attendance> {
    return this.writes.run(attendanceUseCase('edit'), async (write) => {
      const row = await write.load(Attendance, id, ATTENDANCE_SCOPE);
      const before = { ...row };
      await this.requireOpenActivity(write, row.activityId);
      if (changes.status) row.status = changes.status;
      if (changes.note !== undefined) row.note = changes.note;
      const saved = await write.manager.save(Attendance, row);
      await write.audit({ action: 'update', objectId: id, detail: auditDiff(before, saved) });
      return saved;
    });
  }

  async removeById(id: number): Promise<void> {
    await this.writes.run(attendanceUseCase('delete'), async (write) => {
      const row = await write.load(Attendance, id, ATTENDANCE_SCOPE);
      await write.manager.delete(Attendance, { id });
      await write.audit({ action: 'delete', objectId: id, detail: auditSnapshot(row) });
    });
  }

  async remove(activityId: number, deputyId: number): Promise<void> {
    await this.writes.run(attendanceUseCase('delete'), async (write) => {
      await this.requireActivity(write, activityId);
      const row = await write.manager.findOneBy(Attendance, { activityId, deputyId });
      if (!row) throw notFound(ACTIVITIES_LABELS.records.attendance, `${activityId}/${deputyId}`);
      await write.manager.delete(Attendance, { id: row.id });
      await write.audit({ action: 'delete', objectId: row.id, detail: auditSnapshot(row) });
    });
  }

  private async upsertRows(
    write: Write,
    activityId: number,
    items: AttendanceItemDto[],
    field: string,
  ): Promise<Attendance[]> {
    const { manager } = write;
    await this.checkItems(write, activityId, items, field);
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
    await write.audit({
      action: 'update',
      objectType: 'activity',
      objectId: activityId,
      detail: { attendance: items.map(({ deputyId, status }) => ({ deputyId, status })) },
    });
    return manager.find(Attendance, { where: { activityId }, order: { deputyId: 'ASC' } });
  }

  /** An activity of the actor's committees; another committee's is "not found". */
  private requireActivity(write: Write, activityId: number): Promise<Activity> {
    return write.load(Activity, activityId, ACTIVITY_SCOPE, ACTIVITIES_LABELS.records.activity);
  }

  /** An activity that may take attendance: it exists and was not cancelled. */
  private async requireOpenActivity(write: Write, activityId: number): Promise<Activity> {
    const activity = await this.requireActivity(write, activityId);
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
    write: Write,
    activityId: number,
    items: AttendanceItemDto[],
    field?: string,
  ): Promise<void> {
    const { manager } = write;
    const activity = await this.requireOpenActivity(write, activityId);
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
    const { committeeIds } = write.actor;
    const eligible = (await this.committees.subtree(activity.committeeId, manager)).filter(
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
