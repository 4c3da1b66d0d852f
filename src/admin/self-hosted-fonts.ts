import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

/** Where the panel's Roboto comes from, instead of fonts.googleapis.com (STACK.md pitfall 7). */
export const FONT_STYLESHEET = 'fonts/roboto.css';

const WEIGHTS = [300, 400, 500, 700];

/**
 * Roboto (Latin; Chinese text uses the system's fonts) from the @fontsource/roboto package,
 * served by the app itself: /fonts/roboto.css and the woff/woff2 files it names.
 */
export function selfHostedFonts(): Router {
  const require = createRequire(import.meta.url);
  const files = dirname(require.resolve('@fontsource/roboto/files/roboto-latin-400-normal.woff2'));
  const stylesheet = WEIGHTS.map((weight) =>
    readFileSync(join(files, '..', `latin-${weight}.css`), 'utf8'),
  ).join('\n');
  const router = express.Router();
  router.get(`/${FONT_STYLESHEET}`, (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=86400').send(stylesheet);
  });
  router.use('/fonts/files', express.static(files, { immutable: true, maxAge: '7d' }));
  return router;
}
