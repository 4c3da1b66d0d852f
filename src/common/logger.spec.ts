import { Writable } from 'node:stream';
import { loadConfig } from '../config/app.config.js';
import { createRootLogger } from './logger.js';

describe('root logger', () => {
  it('should never write secrets or personal data', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const logger = createRootLogger(config, sink);
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
