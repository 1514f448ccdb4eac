import { registerEnumType } from 'type-graphql';

export enum NewsletterSubscriptionStatus {
  PENDING_CONFIRMATION = 'PENDING_CONFIRMATION',
  SUBSCRIBED = 'SUBSCRIBED',
}

registerEnumType(NewsletterSubscriptionStatus, {
  name: 'NewsletterSubscriptionStatus',
  description: 'Where a sign-up stands. The same answer whether or not the address had signed up before.',
  valuesConfig: {
    PENDING_CONFIRMATION: { description: 'A confirmation mail is on its way (double opt-in); nothing is sent before it is confirmed.' },
    SUBSCRIBED: { description: 'Signed up without confirmation: the reader store confirms addresses itself.' },
  },
});
