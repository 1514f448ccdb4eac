import type { Config } from '../config';
import { DemoNewsroomSource } from './demo/DemoNewsroomSource';
import type { Sources } from './types';

/** Wires each entity kind to its upstream. With nothing configured, everything comes from the demo newsroom. */
export function createSources(config: Config): Sources {
  const demo = new DemoNewsroomSource({ latencyMs: config.demo.latencyMs });
  return { posts: demo, authors: demo, topics: demo, related: demo };
}
