import {
  AUDIT_DETAIL_MAX_CHARS,
  AUDIT_VALUE_MAX_CHARS,
  auditDetail,
  auditDiff,
  auditSnapshot,
} from './audit-trail.service.js';

describe('auditDetail', () => {
  it('should keep a short detail as its JSON', () => {
    expect(auditDetail({ title: ['旧', '新'] })).toBe('{"title":["旧","新"]}');
    expect(auditDetail(undefined)).toBeNull();
  });

  it('should cut a long value, saying how long it was', () => {
    const detail = JSON.parse(
      auditDetail({ summary: ['中'.repeat(12_000), '𠮷'.repeat(12_000)] })!,
    );
    const [before, after] = detail.summary as [string, string];
    expect(before.startsWith('中'.repeat(AUDIT_VALUE_MAX_CHARS) + '…')).toBe(true);
    expect(before).toContain('共 12000 字');
    expect(Array.from(after.split('…')[0])).toHaveLength(AUDIT_VALUE_MAX_CHARS);
    expect(after).toContain('共 12000 字');
  });

  it('should stay within the bound however many long values there are', () => {
    const many = Object.fromEntries(
      Array.from({ length: 200 }, (_, index) => [`field${index}`, '\u0001'.repeat(2_000)]),
    );
    const written = auditDetail(many)!;
    expect(written.length).toBeLessThanOrEqual(AUDIT_DETAIL_MAX_CHARS);
    expect(JSON.parse(written)).toMatchObject({ keys: expect.arrayContaining(['field0']) });
  });
});

describe('auditDiff', () => {
  it('should omit search hashes and record a no-op update as no change', () => {
    const before = { id: 1, name: '张三', phone: '13812341234' };
    const after = { ...before, phoneHash: 'ab'.repeat(32) };
    expect(auditDiff(before, after)).toEqual({});
    expect(auditSnapshot(after)).not.toHaveProperty('phoneHash');
  });

  it('should still mark a password change without its hash', () => {
    expect(auditDiff({ passwordHash: 'a' }, { passwordHash: 'b' })).toEqual({
      passwordHash: ['[secret]', '[secret]'],
    });
  });
});

describe('personal data in the trail', () => {
  it("should mask a voter's and a contact's name, phone, address and email however the field is named", () => {
    const issue = {
      id: 7,
      voterName: '陈桂英',
      voterPhone: '13912345678',
      voterAddress: '和平路幸福小区3栋2单元501室',
      contactName: '王科长',
      contactPhone: '13812345678',
      contactEmail: 'wang@example.org',
      personName: '联络员李',
      description: '路口无信号灯',
    };
    const snapshot = auditSnapshot(issue);
    expect(snapshot).toEqual({
      id: 7,
      voterName: '陈**',
      voterPhone: '139****5678',
      voterAddress: '和平路幸福小****',
      contactName: '王**',
      contactPhone: '138****5678',
      contactEmail: 'w***@example.org',
      personName: '联络员李',
      description: '路口无信号灯',
    });
    expect(JSON.stringify(auditDiff(issue, { ...issue, voterPhone: '13700001111' }))).toBe(
      '{"voterPhone":["139****5678","137****1111"]}',
    );
  });
});
