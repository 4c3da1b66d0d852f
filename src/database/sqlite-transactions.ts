import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner.js';

/**
 * Who holds the embedded database's one connection: a FIFO lock whose holder is an async
 * context, marked by a token in AsyncLocalStorage. Work of the holder's context runs; other
 * contexts wait their turn.
 */
class ConnectionTurns {
  private holder: symbol | undefined;
  private readonly waiting: (() => void)[] = [];
  private readonly context = new AsyncLocalStorage<symbol>();

  /** True when the calling context holds the connection (inside its own transaction). */
  holdsIt(): boolean {
    return this.holder !== undefined && this.context.getStore() === this.holder;
  }

  /**
   * For a transaction TypeORM opens itself (save() and remove() outside any transaction):
   * marks the calling context (synchronously, so the caller's continuation carries the mark)
   * and waits until it holds the connection. Returns the mark, released at its commit.
   */
  async take(): Promise<symbol> {
    const token = Symbol('sqlite-implicit-transaction');
    this.context.enterWith(token);
    await this.acquire(token);
    return token;
  }

  isHeldBy(token: symbol): boolean {
    return this.holder === token;
  }

  /** Runs a whole transaction in a context of its own that holds the connection throughout. */
  inTurn<T>(work: () => Promise<T>): Promise<T> {
    const token = Symbol('sqlite-transaction');
    return this.context.run(token, async () => {
      await this.acquire(token);
      try {
        return await work();
      } finally {
        this.release();
      }
    });
  }

  /** Runs one statement of a context that holds nothing, between other contexts' turns. */
  async between<T>(work: () => Promise<T>): Promise<T> {
    const token = Symbol('sqlite-statement');
    await this.acquire(token);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.holder = undefined;
  }

  private acquire(token: symbol): Promise<void> {
    if (this.holder === undefined) {
      this.holder = token;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.holder = token;
        resolve();
      });
    });
  }
}

/**
 * TypeORM gives every caller of a better-sqlite3 DataSource the same query runner, so two
 * requests' transactions interleave on one connection: the second BEGIN fails ("cannot start
 * a transaction within a transaction") or becomes a savepoint inside the first, and a
 * statement of another request lands in a transaction that may roll back. This runner gives
 * the connection to one transaction at a time (in arrival order); statements from other
 * contexts wait until no transaction is open. Nested transactions of the holder stay savepoints.
 */
class TakingTurnsQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly turns: ConnectionTurns,
  ) {
    super(driver);
    // TypeORM's save() opens its own transaction unless one is active on the runner: to any
    // context but the holder's, the holder's transaction is not theirs, so their save() waits
    // for its own turn instead of joining it.
    let active = this.isTransactionActive;
    Object.defineProperty(this, 'isTransactionActive', {
      get: () => active && turns.holdsIt(),
      set: (value: boolean) => {
        active = value;
      },
    });
  }

  /** The turn of a transaction TypeORM opened itself, ended by its commit or rollback. */
  private implicitTurn: symbol | undefined;

  override async startTransaction(
    isolationLevel?: Parameters<QueryRunner['startTransaction']>[0],
  ): Promise<void> {
    if (this.turns.holdsIt()) return super.startTransaction(isolationLevel);
    const turn = await this.turns.take();
    this.implicitTurn = turn;
    try {
      await super.startTransaction(isolationLevel);
    } catch (error) {
      this.endImplicitTurn();
      throw error;
    }
  }

  override async commitTransaction(): Promise<void> {
    try {
      await super.commitTransaction();
    } finally {
      this.endTurnIfClosed();
    }
  }

  override async rollbackTransaction(): Promise<void> {
    const outermost = this.transactionDepth <= 1;
    try {
      await super.rollbackTransaction();
    } catch (error) {
      // SQLite may have rolled back by itself (disk full, I/O error): ROLLBACK then fails, and
      // TypeORM would think the transaction still open and hold the connection for ever.
      if (outermost) {
        this.isTransactionActive = false;
        this.transactionDepth = 0;
      }
      throw error;
    } finally {
      this.endTurnIfClosed();
    }
  }

  override query(
    ...statement: Parameters<BetterSqlite3QueryRunner['query']>
  ): ReturnType<BetterSqlite3QueryRunner['query']> {
    // Even when the connection is free the statement takes it (synchronously), so a transaction
    // starting meanwhile cannot take the statement in.
    if (this.turns.holdsIt()) return super.query(...statement);
    return this.turns.between(() => super.query(...statement));
  }

  private endTurnIfClosed(): void {
    if (!this.isTransactionActive) this.endImplicitTurn();
  }

  private endImplicitTurn(): void {
    if (this.implicitTurn === undefined || !this.turns.isHeldBy(this.implicitTurn)) return;
    this.implicitTurn = undefined;
    this.turns.release();
  }
}

/**
 * Makes an embedded (better-sqlite3) DataSource run one transaction at a time; other dialects
 * have a pool of connections and are left alone. Call it before `initialize()`.
 */
export function takeTurnsOnSqlite(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const driver = dataSource.driver as BetterSqlite3Driver;
  const turns = new ConnectionTurns();
  // Every transaction() of the DataSource, its repositories and its manager: one turn each,
  // even when one context starts several at once.
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = (...args: unknown[]) =>
    turns.holdsIt() ? transaction(...args) : turns.inTurn(() => transaction(...args));
  let runner: TakingTurnsQueryRunner | undefined;
  driver.createQueryRunner = () => {
    // The driver forgets its runner when it disconnects; a new connection gets a new one.
    if (!runner || driver.queryRunner !== runner) {
      runner = new TakingTurnsQueryRunner(driver, turns);
      driver.queryRunner = runner;
    }
    return runner;
  };
  return dataSource;
}
