import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';

@Directive(CACHE_HINT.privateData)
@ObjectType({ simpleResolvers: true, description: 'The signed-in reader and what they saved. Everything under it is theirs alone: answered privately, never cached.' })
export class Viewer {
  @Field(() => ID, { description: 'The reader\'s id (the `sub` of their token).' })
  id!: string;
}
