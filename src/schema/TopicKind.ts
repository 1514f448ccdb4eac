import { registerEnumType } from 'type-graphql';

export enum TopicKind {
  CATEGORY = 'CATEGORY',
  TAG = 'TAG',
}

registerEnumType(TopicKind, {
  name: 'TopicKind',
  description: 'How the newsroom files a topic.',
  valuesConfig: {
    CATEGORY: { description: 'A section, such as World or Sport.' },
    TAG: { description: 'A free-form tag, such as a person, place or event.' },
  },
});
