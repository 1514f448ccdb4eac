import { SignJWT } from 'jose';
import { ConfigError, loadConfig } from '../src/config';

/*
 * Prints a reader token for the gateway as configured here (READER_JWT_SECRET, or the config file's
 * reader.jwtSecret): what the site's login would give a signed-in reader, for trying bookmarks by hand
 * (Apollo Sandbox, curl). Valid for a day.
 *
 *   npm run reader-token -- <readerId>     (default: demo-reader)
 */
const VALID_FOR = '24h';

async function main(): Promise<void> {
  const readerId = process.argv[2] ?? 'demo-reader';
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(error.message);
    throw error;
  }
  const token = config.reader.token;
  if (!token || (token.keys.kind === 'secret' && token.keys.generated)) {
    throw new Error(
      'READER_JWT_SECRET is not set. Set it (32 characters or more) for the gateway and here, or use the throwaway secret a development gateway prints at start: READER_JWT_SECRET=<it> npm run reader-token -- <readerId>',
    );
  }
  if (token.keys.kind !== 'secret') throw new Error('Reader tokens come from READER_JWKS_URL\'s identity provider here; this script signs with READER_JWT_SECRET only.');
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(readerId).setIssuedAt().setExpirationTime(VALID_FOR);
  if (token.issuer) jwt.setIssuer(token.issuer);
  if (token.audience) jwt.setAudience(token.audience);
  process.stdout.write(`${await jwt.sign(new TextEncoder().encode(token.keys.secret))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`reader-token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
