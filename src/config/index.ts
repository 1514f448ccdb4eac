import type { Config } from './Config';
import { configFileSchema, fieldAt, readConfigFile } from './configFile';
import type { EntityKindTable } from './entityKinds';
import { readEnvironment } from './environment';
import { previewProblems } from './preview';
import type { BuildContext, Section } from './Section';
import { gatewaySections } from './sections';
import { type Layers, resolve, settingsIn, type SettingTree, valuesOf } from './Setting';

export type { Config } from './Config';
export type { CacheConfig } from './cache';
export type { CacheKind, KindCachePolicy, ServiceName, SourceName } from './entityKinds';
export { APOLLO_SANDBOX_ORIGIN, CORS_BASE_HEADERS, LOCAL_DEVELOPMENT_ORIGINS, type HttpConfig } from './http';
export { QUERY_LIMIT_DEFAULTS, type QueryLimits } from './limits';
export { DEFAULT_PERSISTED_OPERATIONS_MANIFEST } from './persistedOperations';
export type { PreviewSettings, PreviewTokenKeys } from './preview';
export type { RedisBreakerPolicy, RedisConfig } from './redis';
export type { NodeEnv } from './Section';
export type { LogLevel } from './server';
export {
  type BreakerPolicy,
  type ClassedPolicy,
  type EndpointClassPolicy,
  type ServiceConfig,
  type SingleClassPolicy,
  type SourceChoices,
  UPSTREAM_DEFAULTS,
  type UpstreamPolicy,
  WORDPRESS_ENDPOINT_CLASSES,
  type WordPressConfig,
  type WordPressEndpointClass,
  type WordPressPolicy,
} from './upstreams';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Reads the GATEWAY_CONFIG file; injectable so tests need no files. */
  readFile?: (path: string) => string;
  /** The entity-kind table the per-kind cache settings come from; a test may add a hypothetical kind. */
  entityKinds?: EntityKindTable;
}

/**
 * Configuration, read once in src/index.ts and passed down. Values come from environment variables and,
 * optionally, a JSON file named by GATEWAY_CONFIG: environment over file over default (for a setting that
 * narrows a general one: specific env, general env, specific file, general file, default). Every problem
 * is reported at once, so an operator fixes a bad deployment in one go. The settings themselves are
 * declared in the sections of this directory.
 */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): Config {
  const sections = gatewaySections(options.entityKinds);
  const all = Object.values(sections);
  const settings = all.flatMap((section) => settingsIn(section.settings));
  const problems: string[] = [];

  const environment = readEnvironment(settings, env, problems);
  for (const retired of all.flatMap((section) => section.retiredEnv ?? [])) {
    if (env[retired.env] !== undefined && env[retired.env] !== '') problems.push(`${retired.env}: ${retired.message}`);
  }
  const { configFile, nodeEnv } = sections.server.settings;
  const path = environment.values.get(configFile) as string | undefined;
  const file = path
    ? readConfigFile(path, `${configFile.name} (${path})`, configFileSchema(settings, all.flatMap((section) => section.retired ?? [])), options.readFile, problems)
    : {};

  const layers: Layers = {
    env: (setting) => environment.values.get(setting),
    file: (setting) => (setting.file === undefined ? undefined : fieldAt(file, setting.file)),
  };
  const context: BuildContext = {
    nodeEnv: resolve(nodeEnv, layers) ?? 'development',
    problems,
    reported: (setting) => environment.invalid.has(setting),
  };
  const build = <Tree extends SettingTree, Part>(section: Section<Tree, Part>): Part => section.build(valuesOf(section.settings, layers), context);

  const config: Config = {
    ...build(sections.server),
    ...build(sections.http),
    ...build(sections.limits),
    ...build(sections.persistedOperations),
    ...build(sections.cache),
    ...build(sections.redis),
    ...build(sections.responseCache),
    ...build(sections.webhook),
    ...build(sections.upstreams),
    ...build(sections.subgraph),
    ...build(sections.preview),
  };
  // A router's query plans are its own documents, never in our manifest: safelisting belongs at the router.
  if (config.subgraph.enabled && config.persistedOperations.only) {
    problems.push(`${sections.subgraph.settings.enabled.name}: a subgraph answers the router's query plans, which are not trusted documents; turn ${sections.persistedOperations.settings.persistedOperations.only.name} off (safelist at the router)`);
  }
  problems.push(...previewProblems(config.preview, config.sources.posts));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
