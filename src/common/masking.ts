/** 13812341234 → 138****1234; shorter numbers keep only their last 2 digits visible. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone === '') return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** a.b@example.org → a***@example.org */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** A personal field's value as lists, answers and exports show it: emails and phones masked. */
export function maskPersonal(field: string, value: string | null | undefined): string | null {
  return field === 'email' ? maskEmail(value) : maskPhone(value);
}
