import { ArgsType, Field, Int } from 'type-graphql';

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
