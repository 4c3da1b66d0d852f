import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors.js';

/**
 * The HTTP half of a graceful shutdown (SIGTERM from a deploy or a service manager): once
 * draining, the listening socket is closed (new connections are refused), a request arriving on
 * a kept-alive connection gets 503 SHUTTING_DOWN with `Connection: close`, and every request
 * already in flight runs to its end, its answer closing its connection.
 */
export class ShutdownGate {
  private draining = false;
  private server?: Server;
  private readonly inFlight = new Set<Response>();

  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.status(503).json({
        code: ErrorCode.ShuttingDown,
        message: '服务正在停止，请稍后重试 / The server is shutting down; try again shortly',
        details: [],
      });
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      // An answer that went out before draining began kept its connection alive: close it now.
      if (this.draining) setImmediate(() => this.server?.closeIdleConnections());
    });
    next();
  };

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * Stops taking connections and lets the requests in flight finish, for at most `timeoutMs`;
   * then cuts what is left. Resolves true when every request finished in time.
   */
  async drain(server: Server, timeoutMs: number): Promise<boolean> {
    this.draining = true;
    this.server = server;
    for (const res of this.inFlight) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const finished = await Promise.race([
      closed.then(() => true),
      sleep(timeoutMs, false, { ref: false }),
    ]);
    if (!finished) {
      server.closeAllConnections();
      await closed;
    }
    return finished;
  }
}
