import { Writable } from 'node:stream';
import { loadConfig } from '../config/app.config.js';
import { createRootLogger, redactUrl } from './logger.js';

/** The production (JSON) root logger, writing into `lines` instead of stdout. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
  return { lines, logger: createRootLogger(config, sink) };
}

describe('root logger', () => {
  it('should never write secrets or personal data', () => {
    const { lines, logger } = capturedLogger();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer rw_secretkey', cookie: 'renda.sid=s%3Aabc' } },
        input: {
          password: 'Hunter-2-Hunter!',
          phone: '13812341234',
          idNumber: '110101199001011234',
        },
      },
      'a request',
    );
    const written = lines.join('');
    expect(written).toContain('a request');
    for (const secret of [
      'rw_secretkey',
      'renda.sid',
      'Hunter-2',
      '13812341234',
      '110101199001011234',
    ]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('[redacted]');
  });
});

describe('redactUrl', () => {
  it.each([
    [
      '/api/v1/deputies?phone=13812341234&level=district',
      '/api/v1/deputies?phone=[redacted]&level=district',
    ],
    [
      '/admin/api/resources/Deputy/actions/list?filters.phone=13812341234&page=2',
      '/admin/api/resources/Deputy/actions/list?filters.phone=[redacted]&page=2',
    ],
    [
      '/x?filters%5BphoneHash%5D=ab12&sortBy=name',
      '/x?filters%5BphoneHash%5D=[redacted]&sortBy=name',
    ],
    ['/x?IDNumber=110101199001011234', '/x?IDNumber=[redacted]'],
    ['/x?email=a%40b.org&address=%E5%8C%97%E4%BA%AC', '/x?email=[redacted]&address=[redacted]'],
    ['/x?bad%ZZphone=1', '/x?bad%ZZphone=[redacted]'],
    ['/x?name=%E5%BC%A0&flag', '/x?name=%E5%BC%A0&flag'],
    ['/api/v1/deputies', '/api/v1/deputies'],
  ])('should log %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe('root logger and failed queries', () => {
  it('should leave the values of a failed query out of the log', () => {
    const { lines, logger } = capturedLogger();
    const failure = Object.assign(new Error('Data too long for column'), {
      query: 'INSERT INTO deputy (email) VALUES (?)',
      parameters: ['secret.person@example.org'],
      sql: "INSERT INTO deputy (email) VALUES ('secret.person@example.org')",
    });
    logger.error({ err: failure }, 'failed');
    const written = lines.join('');
    expect(written).toContain('Data too long for column');
    expect(written).toContain('INSERT INTO deputy (email) VALUES (?)');
    expect(written).not.toContain('secret.person');
  });
});
