import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { jwtVerify } from 'jose';
import { REPO_ROOT } from '../support/fixtures';

const SECRET = 'reader-secret-0123456789-0123456789';

describe('npm run reader-token', () => {
  const run = promisify(execFile);
  const script = (env: Record<string, string>) => run(process.execPath, ['--import', 'tsx', 'scripts/readerToken.ts', 'reader-42'], { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });

  it('prints a token for the reader, signed with the configured secret, issuer and audience', async () => {
    const { stdout } = await script({ NODE_ENV: 'production', READER_JWT_SECRET: SECRET, READER_JWT_ISSUER: 'https://login.example', READER_JWT_AUDIENCE: 'newsroom' });
    const { payload } = await jwtVerify(stdout.trim(), new TextEncoder().encode(SECRET), { issuer: 'https://login.example', audience: 'newsroom' });
    expect(payload.sub).toBe('reader-42');
  });

  it('refuses to sign with a throwaway secret nobody else knows', async () => {
    await expect(script({ NODE_ENV: 'development' })).rejects.toMatchObject({ stderr: expect.stringContaining('READER_JWT_SECRET is not set') });
  });
});
