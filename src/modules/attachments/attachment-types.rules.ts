/**
 * Which files may be attached, judged by their content (magic bytes), not by the name the
 * uploader gave them: a `.png` holding text is refused. A zip-based office file (docx, xlsx) is
 * a zip whose entries say what it is; the name must agree with what the content is.
 */

export interface AcceptedType {
  mediaType: string;
  /** Extensions a file of this type may carry (lower case, with the dot). */
  extensions: readonly string[];
  /** Shown in messages and the panel. */
  label: string;
  /** Shown in the browser (images); everything else downloads. */
  inline: boolean;
}

export const ACCEPTED_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['.pdf'], label: 'PDF', inline: false },
  png: { mediaType: 'image/png', extensions: ['.png'], label: 'PNG 图片', inline: true },
  jpeg: {
    mediaType: 'image/jpeg',
    extensions: ['.jpg', '.jpeg'],
    label: 'JPEG 图片',
    inline: true,
  },
  gif: { mediaType: 'image/gif', extensions: ['.gif'], label: 'GIF 图片', inline: true },
  webp: { mediaType: 'image/webp', extensions: ['.webp'], label: 'WebP 图片', inline: true },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['.docx'],
    label: 'Word 文档',
    inline: false,
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['.xlsx'],
    label: 'Excel 表格',
    inline: false,
  },
  text: {
    mediaType: 'text/plain',
    extensions: ['.txt'],
    label: '纯文本',
    inline: false,
  },
} as const satisfies Record<string, AcceptedType>;

export type AcceptedTypeName = keyof typeof ACCEPTED_TYPES;

/** What the upload form and the refusals list: 允许的类型. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(ACCEPTED_TYPES).flatMap(
  (type) => type.extensions,
);

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** Whether the zip's bytes name an entry with this prefix (local headers carry names in clear). */
const zipHasEntry = (bytes: Uint8Array, prefix: string): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(prefix, 0, 'latin1');

/** UTF-8 text without NULs or other control characters than tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/.test(text);
}

/** The type the content is, whatever the name says; null when it is none of the accepted. */
export function sniffType(bytes: Uint8Array): AcceptedTypeName | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (!zipHasEntry(bytes, '[Content_Types].xml')) return null;
    if (zipHasEntry(bytes, 'word/')) return 'docx';
    if (zipHasEntry(bytes, 'xl/')) return 'xlsx';
    return null;
  }
  if (isPlainText(bytes)) return 'text';
  return null;
}

/** The lower-case extension of a file name (`.png`), or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export type TypeVerdict =
  { ok: true; type: AcceptedTypeName; mediaType: string } | { ok: false; problem: string };

/**
 * Whether a file may be attached: its content must be of an accepted type and its name must
 * carry one of that type's extensions (a PDF named `.docx` is refused, as is text named `.png`).
 */
export function judgeFile(bytes: Uint8Array, name: string): TypeVerdict {
  const allowed = ACCEPTED_EXTENSIONS.join(' ');
  const type = sniffType(bytes);
  const extension = extensionOf(name);
  if (!type) {
    return {
      ok: false,
      problem: `文件内容不是允许的类型（允许 ${allowed}）/ the content is of no accepted type (${allowed})`,
    };
  }
  const accepted: AcceptedType = ACCEPTED_TYPES[type];
  if (!accepted.extensions.includes(extension)) {
    return {
      ok: false,
      problem: `文件内容是${accepted.label}，与文件名的扩展名“${extension || '无'}”不符（应为 ${accepted.extensions.join(' 或 ')}）/ the content is ${type}, which the name's extension "${extension}" does not match`,
    };
  }
  return { ok: true, type, mediaType: accepted.mediaType };
}

/** Whether a stored media type is shown in the browser (images) rather than downloaded. */
export const isInline = (mediaType: string): boolean =>
  Object.values(ACCEPTED_TYPES).some((type) => type.mediaType === mediaType && type.inline);
