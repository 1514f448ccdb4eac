import 'reflect-metadata';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { PrometheusTelemetry } from './metrics/PrometheusTelemetry';
import { createGateway } from './server/createGateway';
import { TrustedDocuments } from './server/trusted/TrustedDocuments';
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
  const trustedDocuments = TrustedDocuments.load(config.persistedOperations, (error) =>
    logger.warn({ err: error, path: config.persistedOperations.manifestPath }, 'no trusted-documents manifest; operations are accepted as text only'),
  );
  // Built before the sources, so upstream clients report to the same registry /metrics serves.
  const metrics = new PrometheusTelemetry({ knownOperations: trustedDocuments.names() });
  const upstreams = createSources(config, { logger, telemetry: metrics });
  const gateway = await createGateway({ config, sources: upstreams.sources, logger, metrics, trustedDocuments });
  const address = await gateway.listen(config.port, config.host);
  const shownHost = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.address;
  logger.info(
    { port: address.port, nodeEnv: config.nodeEnv, persistedOperationsOnly: config.persistedOperations.only, trustedDocuments: trustedDocuments.size },
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
    // Upstream pools close last: requests still finishing may need them.
    gateway
      .close()
      .then(() => upstreams.close())
      .then(
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
