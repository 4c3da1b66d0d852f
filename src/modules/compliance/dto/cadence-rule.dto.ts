import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CADENCE_MEASURES, CADENCE_PERIODS, type CadenceMeasure } from '../cadence-rule.entity.js';
import type { PeriodKind } from '../../../common/period.js';

/** 编辑频次规则 (system administrator): the counting rule's parameters. */
export class UpdateCadenceRuleDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  /** Comma-separated activity categories; empty = any category counts. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  categories?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minCount?: number;

  @IsOptional()
  @IsIn(CADENCE_PERIODS)
  period?: PeriodKind;

  @IsOptional()
  @Matches(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, {
    message: '如 30,14,7,1（到期前天数）/ e.g. 30,14,7,1 (days before the end)',
  })
  reminderDays?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  countingRule?: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** What is counted; must suit the rule's subject (CadenceRulesService). */
  @IsOptional()
  @IsIn(CADENCE_MEASURES)
  measure?: CadenceMeasure;

  /** 提前公告天数 (noticedReceptions): 0–60 days. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  noticeDays?: number | null;
}
