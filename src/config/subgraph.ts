import { section } from './Section';
import { setting } from './Setting';
import { flag } from './valueTypes';

export interface SubgraphConfig {
  /** On: the endpoint serves the schema as an Apollo Federation 2 subgraph, for a router to compose. */
  subgraph: { enabled: boolean };
}

export const subgraphSection = section({
  title: 'Supergraph',
  settings: {
    enabled: setting({
      env: 'SUBGRAPH',
      file: 'subgraph.enabled',
      type: flag,
      default: false,
      doc: '`true`: serve the schema as an Apollo Federation 2 subgraph (`@key` on `Post`, `Author`, `Topic`; `_service`, `_entities`) for a router to compose; see [Running in a supergraph](#running-in-a-supergraph)',
    }),
  },
  build: ({ enabled }): SubgraphConfig => ({ subgraph: { enabled } }),
});
