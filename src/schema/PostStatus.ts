import { registerEnumType } from 'type-graphql';

/** Where an article is in the newsroom's workflow; only previews ever show anything but PUBLISHED. */
export enum PostStatus {
  PUBLISHED = 'PUBLISHED',
  DRAFT = 'DRAFT',
  PENDING = 'PENDING',
  SCHEDULED = 'SCHEDULED',
  PRIVATE = 'PRIVATE',
}

registerEnumType(PostStatus, {
  name: 'PostStatus',
  description: 'Where an article is in the newsroom\'s workflow. Outside previews every article is PUBLISHED.',
  valuesConfig: {
    PUBLISHED: { description: 'Public: what readers see.' },
    DRAFT: { description: 'Being written; never public.' },
    PENDING: { description: 'Written and waiting for an editor\'s review.' },
    SCHEDULED: { description: 'Set to publish itself at its `publishedAt`.' },
    PRIVATE: { description: 'Published for the newsroom\'s own staff only.' },
  },
});
