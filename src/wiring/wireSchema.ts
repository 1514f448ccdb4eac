import type { Config } from '../config';
import { buildGatewaySchema } from '../server/buildGatewaySchema';
import type { ServedSchema } from '../server/subgraph/servedSubgraph';

export type { ServedSchema };

/** The schema the endpoint serves: the standalone one, or (SUBGRAPH=true) the same as a Federation 2 subgraph. */
export async function wireSchema(config: Config): Promise<ServedSchema> {
  if (!config.subgraph.enabled) return { schema: buildGatewaySchema(), plugins: [], execution: {} };
  // Loaded only when asked for: @apollo/subgraph and federation's internals add some 16 MB and 0.1 s to
  // every start, which a standalone gateway has no use for.
  const { servedSubgraph } = await import('../server/subgraph/servedSubgraph');
  return servedSubgraph();
}
