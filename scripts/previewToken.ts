import { SignJWT } from 'jose';
import { ConfigError, loadConfig } from '../src/config';

/*
 * Prints a preview token for the gateway as configured here (PREVIEW_JWT_SECRET, or the config file's
 * preview.jwtSecret): what a frontend's preview route mints after the editor's own login, for trying
 * previews by hand (Apollo Sandbox, curl).
 *
 *   npm run preview-token -- [editor-id]     (default: demo-editor)
 */
async function main(): Promise<void> {
  const subject = process.argv[2] ?? 'demo-editor';
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(error.message);
    throw error;
  }
  const preview = config.preview;
  if (!preview) throw new Error('Previews are off: set PREVIEW_JWT_SECRET (32 characters or more), the same as the gateway\'s.');
  if (preview.token.keys.kind !== 'secret') throw new Error('Preview tokens come from PREVIEW_JWKS_URL\'s identity provider here; this script signs with PREVIEW_JWT_SECRET only.');
  const token = new SignJWT({ preview: true })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(`${preview.token.maxAgeSeconds}s`);
  if (preview.token.issuer) token.setIssuer(preview.token.issuer);
  if (preview.token.audience) token.setAudience(preview.token.audience);
  process.stdout.write(`${await token.sign(new TextEncoder().encode(preview.token.keys.secret))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`preview-token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
