import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI (`node dist/src/cli/main.js`) as an operator runs it; no database is opened. */
function cli(args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(
    process.execPath,
    [join(process.cwd(), 'dist', 'src', 'cli', 'main.js'), ...args],
    { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stdout: result.stdout };
}

describe('the CLI without a command', () => {
  it('should print the usage and succeed when help is asked for', () => {
    for (const flag of ['--help', '-h']) {
      const { status, stdout } = cli([flag]);
      expect(stdout).toContain('用法 / usage: npm run cli -- <command> [options]');
      expect(status).toBe(0);
    }
  });

  it('should print the usage and exit 2 when no command is given', () => {
    const { status, stdout } = cli([]);
    expect(stdout).toContain('用法 / usage');
    expect(status).toBe(2);
  });
});
