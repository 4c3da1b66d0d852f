import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/**
 * Personal data at rest (等保2.0 数据保密性, PIPL): phone and ID numbers are stored as
 * AES-256-GCM ciphertext with a keyed hash (HMAC-SHA256) beside them for exact-match search, so
 * a raw SELECT or a database dump shows neither. Both keys are derived (HKDF) from the one
 * PERSONAL_DATA_KEY in configuration.
 *
 * Stored form: `v1:` + base64url(iv[12] ‖ tag[16] ‖ ciphertext). A value without the prefix is
 * read as plain text (a row written before encryption existed) and encrypted at its next save.
 */
const VERSION = 'v1:';

export class PersonalDataCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) {
      throw new Error('PERSONAL_DATA_KEY must be 32 bytes');
    }
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, '', 'renda/pii/aes-gcm', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, '', 'renda/pii/hmac', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** Throws when the value was tampered with or written under another key. */
  decrypt(stored: string): string {
    if (!stored.startsWith(VERSION)) return stored;
    const raw = Buffer.from(stored.slice(VERSION.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** The search hash of a value; spaces and dashes do not change it. */
  hash(plain: string): string {
    return createHmac('sha256', this.hashKey).update(normalise(plain)).digest('hex');
  }
}

const normalise = (value: string): string => value.replace(/[\s-]/g, '').toUpperCase();

let active: PersonalDataCipher | undefined;

/**
 * Column transformers are static (decorators), so the cipher is installed once per process when
 * the data source is configured (dataSourceOptions); every data source of one process shares
 * one key.
 */
export function usePersonalDataKey(masterKey: Buffer): void {
  active = new PersonalDataCipher(masterKey);
}

function cipher(): PersonalDataCipher {
  if (!active) throw new Error('personal-data key not configured (dataSourceOptions sets it)');
  return active;
}

/** The keyed hash to store beside an encrypted value, or null for an empty one. */
export function personalDataHash(plain: string | null | undefined): string | null {
  return plain ? cipher().hash(plain) : null;
}

/** Encrypts a short-lived secret kept outside a column (e.g. in a session row). */
export const sealSecret = (plain: string): string => cipher().encrypt(plain);
export const openSecret = (sealed: string): string => cipher().decrypt(sealed);

/** TypeORM transformer for an encrypted personal-data column. */
export const encryptedColumn: ValueTransformer = {
  to: (value: unknown) =>
    typeof value === 'string' && value !== '' ? cipher().encrypt(value) : value,
  from: (value: unknown) => (typeof value === 'string' ? cipher().decrypt(value) : value),
};
