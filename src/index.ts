import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { createGateway } from './wiring/createGateway';

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
  const gateway = await createGateway(config, { logger });
  const address = await gateway.listen(config.port, config.host);
  const shownHost = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address;
  logger.info(
    { port: address.port, nodeEnv: config.nodeEnv, persistedOperationsOnly: config.persistedOperations.only, trustedDocuments: gateway.trustedDocuments.size },
    `gateway ready at http://${shownHost}:${address.port}/graphql`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'stopping: no new connections, finishing in-flight requests');
    // Requests still running at the deadline are cut, and the exit code says the stop was not clean.
    const deadline = setTimeout(() => {
      logger.warn({ graceMs: config.shutdownGraceMs }, 'in-flight requests did not finish in time; closing their connections');
      gateway.closeAllConnections();
      process.exit(1);
    }, config.shutdownGraceMs);
    deadline.unref();
    // The gateway drains HTTP first, then closes Apollo, Redis and the upstream pools.
    gateway.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
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
