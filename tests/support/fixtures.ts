import { resolve } from 'node:path';

/*
 * Literals that more than one test file names, declared once. Most describe the demo newsroom's reference
 * article (the page the README shows), whose text tests assert on; the content itself is
 * src/sources/demo/newsroom.json, written by scripts/demo/generateDemoNewsroom.ts.
 */

/** The checkout's root, for tests that start `src/index.ts` or `dist/index.js` in a child process. */
export const REPO_ROOT = resolve(__dirname, '..', '..');

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Signs the content-changed webhooks of tests (sendContentChanged) and configures their gateways. */
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

// ---------------------------------------------------------------------------------------------------
// The demo newsroom's reference article

export const REFERENCE_SLUG = 'lee-jae-myung-to-visit-japan-for-summit-with-takaichi-after-xi-meeting';
export const REFERENCE_TITLE = 'Lee Jae Myung to Visit Japan for Summit with Takaichi After Xi Meeting';
/** Its first paragraph as plain text (the stored HTML has one apostrophe, plain ASCII on purpose). */
export const REFERENCE_FIRST_PARAGRAPH =
  "President Lee Jae Myung of South Korea is set to visit Japan for a crucial summit with Prime Minister Sanae Takaichi, occurring just a week after his meeting with Chinese President Xi Jinping in Beijing. The overlapping dates of these discussions underline South Korea's strategic intention: to foster amicable and consistent relations with both neighboring nations.";
export const REFERENCE_AUTHOR = { id: '3', slug: 'saif-rahman', name: 'Saif Rahman' } as const;
/** Its topics' names, sorted. */
export const REFERENCE_TOPIC_NAMES: readonly string[] = ['Asia', 'Politics', 'World'];

/**
 * The reference page's teaser rail (issue 2): the six stories its related rail must show, each with the
 * opening of its editor's excerpt.
 */
export const REFERENCE_RAIL: readonly { title: string; excerptOpening: string }[] = [
  { title: 'Indian Idol 3 Star Prashant Tamang Passes Away in His Sleep', excerptOpening: 'Beloved singer-actor Prashant Tamang dies naturally in sleep. Fans and family pay emotional tributes' },
  { title: 'World No.1 Aryna Sabalenka Begins Australian Open Without Title Defence', excerptOpening: 'World No.1 Aryna Sabalenka starts her Australian Open campaign as favourite, but without a defending title' },
  { title: 'EU-India Free Trade Deal May Be Signed This Month, Says Merz', excerptOpening: 'German Chancellor Merz hints at a possible EU-India free trade agreement signing by January end after talks' },
  { title: 'Japan Expands Security Aid Across Southeast Asia with $147M Boost', excerptOpening: 'Japan doubles OSA budget to $147M, expanding military support to ASEAN nations, boosting regional security' },
  { title: 'Eruption of Mount Semeru: Pyroclastic Flow Extends 5 km, Ash Clouds Reach 2 km', excerptOpening: 'Mount Semeru erupted at 10:25 p.m., producing a 5 km pyroclastic flow and a 2 km high ash column' },
  { title: 'Deadly Bushfires in Victoria Leave One Dead, 300 Structures Lost', excerptOpening: 'Bushfires across Victoria have destroyed hundreds of homes, claimed one life, and forced evacuations' },
];
export const TEASER_TITLES: readonly string[] = REFERENCE_RAIL.map((story) => story.title);

// ---------------------------------------------------------------------------------------------------
// The seeded WordPress of the contract tests (scripts/wordpress/seed.json)

/** Markets & Economy: public, password-protected and hidden posts, and an `&` in its name. */
export const SEEDED_CATEGORY_SLUG = 'markets-economy';
/** Q&A: a tag with an `&` in its name. */
export const SEEDED_TAG_SLUG = 'q-and-a';

/** Child processes of the contract tests (PHP's server, the built gateway): how long a start may take, and how often a lost port race is retried. */
export const CHILD_START_TIMEOUT_MS = 30_000;
export const CHILD_START_ATTEMPTS = 3;

// ---------------------------------------------------------------------------------------------------
// Editor previews

/** PREVIEW_JWT_SECRET of the tests' gateways. */
export const TEST_PREVIEW_SECRET = 'test-preview-secret-0123456789-0123456789';
/** The reference article's unpublished autosave in the demo newsroom: what only a preview shows. */
export const REFERENCE_AUTOSAVE_TITLE = 'Lee Jae Myung Lands in Osaka for Summit with Takaichi (Update in Progress)';
/** A phrase of that autosave's body. */
export const REFERENCE_AUTOSAVE_BODY = 'UPDATE IN PROGRESS';
