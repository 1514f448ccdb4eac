import { section } from './Section';
import { setting } from './Setting';
import { secretText } from './valueTypes';

export interface WebhookConfig {
  /** Unset: the content-changed webhook answers 404. */
  webhook: { secret: string } | undefined;
}

export const webhookSection = section({
  title: 'Purge on publish',
  settings: {
    secret: setting({
      env: 'WEBHOOK_SECRET',
      file: 'webhook.secret',
      type: secretText(16),
      doc: 'shared secret (16 characters or more) of `POST /webhooks/content-changed`; unset: the webhook answers 404',
    }),
  },
  build: ({ secret }): WebhookConfig => ({ webhook: secret ? { secret } : undefined }),
});
