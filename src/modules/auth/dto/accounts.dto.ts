import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { API_KEY_ROLES } from '../../../platform/access/permissions.js';
import { ROLES, type Role } from '../../../common/roles.js';

/**
 * 新建账号 (system administrator): the role comes later, from a security administrator. A role
 * sent anyway is read so that it is refused with a message, never dropped unseen.
 */
export class RegisterUserDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,50}$/, {
    message: '3–50 个字母、数字或 _.- / 3–50 letters, digits or _.-',
  })
  username: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  displayName?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  committeeId?: number | null;

  @IsOptional()
  @IsEmail({}, { message: '邮箱格式不正确 / not an email address' })
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role | null;
}

/** 编辑账号: profile fields (system administrator) and the grant (security administrator). */
export class EditUserDto {
  /** Sent back by the form; a different value is refused (user names never change). */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  username?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  displayName?: string | null;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Where reminders are emailed. */
  @IsOptional()
  @IsEmail({}, { message: '邮箱格式不正确 / not an email address' })
  @MaxLength(200)
  email?: string | null;

  @IsOptional()
  @IsIn(ROLES)
  role?: Role | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  committeeId?: number | null;
}

/** 新建 API 密钥 (security administrator). */
export class IssueApiKeyDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** Comma-separated: records:read, records:write, records:export, personal:reveal, reports:read. */
  @IsString()
  @Matches(/^[a-z:,\s]+$/, {
    message: '如 records:read,reports:read / e.g. records:read,reports:read',
  })
  scopes: string;

  @IsIn(API_KEY_ROLES)
  role: (typeof API_KEY_ROLES)[number];

  @IsInt()
  @Min(1)
  committeeId: number;

  /** The business account the key is issued to; the service refuses a key without one (audited). */
  @IsOptional()
  @IsInt()
  @Min(1)
  holderId?: number | null;

  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string | null;
}
