import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { createGateway } from './server/createGateway';
import { createSources } from './sources/createSources';

/** The only module that reads the environment and listens. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const upstreams = createSources(config, { logger });
  const gateway = await createGateway({ config, sources: upstreams.sources, logger });
  const address = await gateway.listen(config.port, config.host);
  const shownHost = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address;
  logger.info({ port: address.port }, `gateway ready at http://${shownHost}:${address.port}/graphql`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    // Upstream pools close last: requests still finishing may need them.
    gateway
      .close()
      .then(() => upstreams.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
