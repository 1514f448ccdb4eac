import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import { NewsletterSubscriptionStatus } from './NewsletterSubscriptionStatus';

@Directive(CACHE_HINT.privateData)
@ObjectType({ simpleResolvers: true, description: 'What `subscribeToNewsletter` did.' })
export class NewsletterSubscriptionPayload {
  @Field(() => NewsletterSubscriptionStatus, { description: 'Where the sign-up stands.' })
  status!: NewsletterSubscriptionStatus;
}
