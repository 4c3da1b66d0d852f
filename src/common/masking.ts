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

/** 王小明 → 王**: a person's name keeps its first character. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const characters = [...name.trim()];
  return `${characters[0] ?? ''}${'*'.repeat(Math.max(characters.length - 1, 1))}`;
}

/** An address keeps its first 6 characters (the district or road), the rest hidden. */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  const characters = [...address.trim()];
  return `${characters.slice(0, Math.min(6, Math.ceil(characters.length / 2))).join('')}****`;
}

/**
 * A personal field's value as lists, answers and exports show it: emails, names (`…Name`),
 * addresses (`…Address`) and phones masked each their way.
 */
export function maskPersonal(field: string, value: string | null | undefined): string | null {
  if (field === 'email') return maskEmail(value);
  if (/name$/i.test(field)) return maskName(value);
  if (/address$/i.test(field)) return maskAddress(value);
  return maskPhone(value);
}
