import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { PageInfo } from './PageInfo';
import { Author } from './Author';

@Directive(CACHE_HINT.inherit)
@ObjectType({ simpleResolvers: true, description: 'A author in a page of authors.' })
export class AuthorEdge {
  @Field({ description: 'Opaque position of this author; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Author, { description: 'The author.' })
  node!: Author;
}

@Directive(CACHE_HINT.authorList)
@ObjectType({ simpleResolvers: true, description: 'A page of authors (everyone in a byline), by name.' })
export class AuthorConnection {
  @Field(() => [AuthorEdge], { description: 'The authors of this page with their cursors.' })
  edges!: AuthorEdge[];

  @Field(() => [Author], { description: 'The authors of this page, without cursors.' })
  nodes!: Author[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many authors match, across all pages.' })
  totalCount!: number;
}
