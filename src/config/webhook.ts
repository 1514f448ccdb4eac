import { section } from './Section';
import { setting } from './Setting';
import { integer, secretText } from './valueTypes';

export interface WebhookConfig {
  /** Unset: the content-changed webhook answers 404. */
  webhook: { secret: string } | undefined;
  /** While an instance cannot hear other instances' purges (Redis pub/sub away), its in-process entries live at most this long. */
  purgeChannel: { downMaxAgeSeconds: number };
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
    purgeChannelDownMaxAgeSeconds: setting({
      env: 'PURGE_CHANNEL_DOWN_MAX_AGE_SECONDS',
      file: 'webhook.purgeChannelDownMaxAgeSeconds',
      type: integer({ min: 1 }),
      default: 5,
      doc: "while an instance cannot hear the other instances' purges (Redis pub/sub away), the longest its in-process entries live; see Purge on publish",
    }),
  },
  build: ({ secret, purgeChannelDownMaxAgeSeconds }): WebhookConfig => ({
    webhook: secret ? { secret } : undefined,
    purgeChannel: { downMaxAgeSeconds: purgeChannelDownMaxAgeSeconds },
  }),
});
