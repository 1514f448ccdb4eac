import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';

@Directive(CACHE_HINT.inherit)
@ObjectType({ simpleResolvers: true, description: 'Relay pagination information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow `endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede `startCursor`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}
