import { loadConfig } from '../../src/config';
import { wireSchema } from '../../src/wiring/wireSchema';

/** Set by the module factory below when anything loads @apollo/subgraph, however early. */
const loads = () => (globalThis as { apolloSubgraphLoads?: number }).apolloSubgraphLoads ?? 0;
jest.mock('@apollo/subgraph', () => {
  const counter = globalThis as { apolloSubgraphLoads?: number };
  counter.apolloSubgraphLoads = (counter.apolloSubgraphLoads ?? 0) + 1;
  return jest.requireActual('@apollo/subgraph');
});

describe('the subgraph code', () => {
  it('is loaded only when SUBGRAPH is on (federation adds some 16 MB and 0.1 s to a start)', async () => {
    const standalone = await wireSchema(loadConfig({ NODE_ENV: 'test' }));
    expect(standalone.schema.getQueryType()?.getFields()._service).toBeUndefined();
    expect(loads()).toBe(0);
    const subgraph = await wireSchema(loadConfig({ NODE_ENV: 'test', SUBGRAPH: 'true' }));
    expect(subgraph.schema.getQueryType()?.getFields()._service).toBeDefined();
    expect(loads()).toBe(1);
  });
});
