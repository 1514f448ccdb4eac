import { ArgsType, Field, Int } from 'type-graphql';
import { TopicKind } from './TopicKind';

export const POSTS_PAGE = { default: 10, min: 1, max: 100 } as const;

@ArgsType()
export class PostPageArgs {
  @Field(() => Int, { defaultValue: POSTS_PAGE.default, description: `How many posts to return, ${POSTS_PAGE.min} to ${POSTS_PAGE.max}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which to start: `pageInfo.endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class PostsArgs extends PostPageArgs {
  @Field(() => String, { nullable: true, description: 'Only posts filed under this topic (slug).' })
  topic?: string | null;

  @Field(() => String, { nullable: true, description: 'Only posts by this author (slug).' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'Only posts matching these words (title and body).' })
  search?: string | null;
}

/** Root lists of topics and authors are for navigation: a whole section menu or author index in one page. */
export const LIST_PAGE = { default: 20, min: 1, max: 100 } as const;

@ArgsType()
export class AuthorsArgs {
  @Field(() => Int, { defaultValue: LIST_PAGE.default, description: `How many to return, ${LIST_PAGE.min} to ${LIST_PAGE.max}.` })
  first!: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which to start: `pageInfo.endCursor` of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class TopicsArgs extends AuthorsArgs {
  @Field(() => TopicKind, { nullable: true, description: 'Only sections (CATEGORY) or only tags (TAG); both when absent, categories first.' })
  kind?: TopicKind | null;
}
