import { registerEnumType } from 'type-graphql';

export enum RelatedReason {
  SHARED_TOPIC = 'SHARED_TOPIC',
  SAME_AUTHOR = 'SAME_AUTHOR',
  LATEST = 'LATEST',
  RECOMMENDED = 'RECOMMENDED',
}

registerEnumType(RelatedReason, {
  name: 'RelatedReason',
  description: 'Why a story is in an article\'s related rail.',
  valuesConfig: {
    SHARED_TOPIC: { description: 'It shares topics with the article.' },
    SAME_AUTHOR: { description: 'It has an author in common with the article.' },
    LATEST: { description: 'Backfill: one of the latest stories, used when too few stories are related.' },
    RECOMMENDED: { description: 'Chosen by the recommendation service.' },
  },
});
