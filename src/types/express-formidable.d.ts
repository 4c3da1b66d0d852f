declare module 'express-formidable' {
  import type { RequestHandler } from 'express';
  /** express-formidable 1.2 ships no types: the middleware factory AdminJS itself uses. */
  export default function formidable(options?: object): RequestHandler;
}
