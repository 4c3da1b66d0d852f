import type { NextFunction, Request, Response } from 'express';
import { FONT_STYLESHEET } from './self-hosted-fonts.js';

const GOOGLE_FONTS = /<link[^>]+fonts\.(googleapis|gstatic)\.com[^>]*>/g;
/**
 * The inline scripts AdminJS's layout and login templates write, by how each one starts: the
 * state, the login page's attributes and the render call. Only these, once each, get the nonce.
 */
const OWN_INLINE_SCRIPTS = [
  /^\s*window\.REDUX_STATE = /,
  /^\s*try \{\s*window\.__APP_STATE__ = /,
  /^\s*var app = document\.getElementById\('app'\);/,
];
/** The state lines of those scripts: JSON.stringify output, one line each (it escapes newlines). */
const STATE_LINE = /(\n[ \t]*window\.(?:REDUX_STATE|THEME) = )([^\n]*)(;\n)/g;
/** Characters that end a script or an HTML comment inside one, as JSON string escapes. */
const SCRIPT_UNSAFE: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The inline state as JSON that cannot end its script: AdminJS writes it with JSON.stringify,
 * so the session user's display name `</script><script>…` would close the script and start
 * another. In JSON these characters occur only inside strings, where the escape means the same.
 */
function escapeInlineState(page: string): string {
  return page.replace(
    STATE_LINE,
    (_match, start: string, json: string, end: string) =>
      `${start}${json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_UNSAFE[c])}${end}`,
  );
}

/**
 * The nonce on the scripts the server itself writes, and on nothing else: each known inline
 * script once (by how it starts), and script files served from the panel's own path. A script
 * tag injected anywhere else stays without it, and the Content-Security-Policy blocks it.
 */
function stampOwnScripts(page: string, nonce: string, rootPath: string): string {
  const pending = [...OWN_INLINE_SCRIPTS];
  return page.replace(
    /<script(\s[^>]*)?>/g,
    (tag: string, attributes: string | undefined, offset: number) => {
      const attrs = attributes ?? '';
      if (/\bnonce=/.test(attrs)) return tag;
      const src = /^\s+src="([^"]+)"\s*$/.exec(attrs)?.[1];
      if (src !== undefined) {
        const own = src.startsWith(`${rootPath}/`) && !src.startsWith('//');
        return own ? `<script nonce="${nonce}"${attrs}>` : tag;
      }
      if (attrs !== '') return tag;
      const body = page.slice(offset + tag.length, offset + tag.length + 200);
      const index = pending.findIndex((start) => start.test(body));
      if (index < 0) return tag;
      pending.splice(index, 1);
      return `<script nonce="${nonce}">`;
    },
  );
}

/**
 * The admin pages as AdminJS renders them, made fit for our Content-Security-Policy: the Google
 * Fonts link its templates carry points at our own copy instead (STACK.md pitfall 7: nothing may
 * load from other hosts); the inline state is escaped so user text cannot end its script; and
 * only the server's own scripts get this response's nonce. Only pages: the admin API's JSON
 * (res.json sets its type before sending) carries records' text untouched.
 */
export const fitForPolicy =
  (rootPath: string) =>
  (_req: Request, res: Response, next: NextFunction): void => {
    const send = res.send.bind(res);
    const nonce = res.locals.cspNonce as string | undefined;
    const fonts = `<link rel="stylesheet" href="${rootPath}/${FONT_STYLESHEET}" type="text/css">`;
    res.send = (body?: unknown) => {
      const type = res.get('Content-Type');
      const page = typeof body === 'string' && (!type || type.startsWith('text/html'));
      if (!page) return send(body);
      const fitted = escapeInlineState(body.replace(GOOGLE_FONTS, fonts));
      return send(nonce ? stampOwnScripts(fitted, nonce, rootPath) : fitted);
    };
    next();
  };
