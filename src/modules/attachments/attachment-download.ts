import type { ReadStream } from 'node:fs';
import type { Response } from 'express';
import type { Attachment } from './attachment.entity.js';
import { isInline } from './attachment-types.rules.js';

/**
 * `Content-Disposition` for a file name: an ASCII fallback and the UTF-8 name by RFC 5987/6266
 * (`filename*=UTF-8''%E7%AD%BE…`), which every current browser prefers.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends an attachment's file: its stored type (found in its content), never sniffed again by the
 * browser; images shown inline, everything else downloaded under the original name; a sandbox
 * policy so that nothing in the file runs as the site.
 */
export function sendAttachment(res: Response, attachment: Attachment, content: ReadStream): void {
  const inline = isInline(attachment.mediaType);
  res.status(200).set({
    'Content-Type': attachment.mediaType,
    'Content-Length': String(attachment.size),
    'Content-Disposition': contentDisposition(
      inline ? 'inline' : 'attachment',
      attachment.originalName,
    ),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox",
    'Cache-Control': 'no-store',
  });
  content.on('error', (error) => res.destroy(error));
  content.pipe(res);
}
