import { mapWordPressPreview } from '../../src/sources/wordpress/mapWordPressPreview';
import { WpAutosave, WpPreviewPost } from '../../src/sources/wordpress/wordPressPreviewSchemas';

/** A post as WordPress answers the gateway's editor user (`context=edit`), trimmed to what `_fields` asks. */
const wpPost = (overrides: Record<string, unknown> = {}) =>
  WpPreviewPost.parse({
    id: 512,
    slug: 'seoul-mayor-to-resign',
    link: 'https://news.example/?p=512',
    status: 'draft',
    date_gmt: '2026-01-13T14:20:00',
    modified_gmt: '2026-01-14T09:00:00',
    title: { raw: 'Seoul mayor &amp; council', rendered: 'Seoul mayor &amp; council' },
    excerpt: { raw: '', rendered: '<p>The mayor will step down.</p>\n', protected: false },
    content: { raw: '', rendered: '<p>Body of the draft.</p>\n', protected: false },
    author: 3,
    categories: [2],
    tags: [],
    featured_media: 0,
    ...overrides,
  });

const autosave = (modified: string, title: string) =>
  WpAutosave.parse({
    id: 900,
    parent: 512,
    modified_gmt: modified,
    title: { raw: title, rendered: title },
    excerpt: { raw: '', rendered: '<p>Autosaved excerpt.</p>' },
    content: { raw: '', rendered: '<p>Autosaved body.</p>' },
  });

describe('mapWordPressPreview', () => {
  it.each([
    ['publish', 'PUBLISHED'],
    ['draft', 'DRAFT'],
    ['pending', 'PENDING'],
    ['future', 'SCHEDULED'],
    ['private', 'PRIVATE'],
  ])('maps a %s post to %s and marks it as a preview', (status, expected) => {
    expect(mapWordPressPreview(wpPost({ status }), [], null)).toMatchObject({ id: '512', status: expected, isPreview: true, title: 'Seoul mayor & council' });
  });

  it('shows nothing for a status previews do not read', () => {
    expect(mapWordPressPreview(wpPost({ status: 'trash' }), [], null)).toBeNull();
  });

  it('takes the newest autosave when it is newer than the post, and the post otherwise', () => {
    const newer = mapWordPressPreview(wpPost(), [autosave('2026-01-14T10:00:00', 'Older autosave'), autosave('2026-01-14T11:00:00', 'Newest autosave')], null);
    expect(newer).toMatchObject({ title: 'Newest autosave', bodyHtml: '<p>Autosaved body.</p>', summaryText: 'Autosaved excerpt.', updatedAt: '2026-01-14T11:00:00.000Z' });
    const older = mapWordPressPreview(wpPost(), [autosave('2026-01-14T08:00:00', 'Stale autosave')], null);
    expect(older).toMatchObject({ title: 'Seoul mayor & council', bodyHtml: '<p>Body of the draft.</p>\n', updatedAt: '2026-01-14T09:00:00.000Z' });
  });

  it('shows an editor the body of a password-protected post, which readers never get', () => {
    const record = mapWordPressPreview(
      wpPost({ status: 'publish', content: { rendered: '<p>Protected body.</p>', protected: true }, excerpt: { rendered: '<p>Protected excerpt.</p>', protected: true } }),
      [],
      null,
    );
    expect(record).toMatchObject({ bodyHtml: '<p>Protected body.</p>', summaryText: 'Protected excerpt.' });
  });

  it('dates a draft that was never dated by its last change', () => {
    expect(mapWordPressPreview(wpPost({ date_gmt: null }), [], null)?.publishedAt).toBe('2026-01-14T09:00:00.000Z');
  });

  it('keeps a draft without a slug yet, to be found by id', () => {
    expect(mapWordPressPreview(wpPost({ slug: '' }), [], null)).toMatchObject({ id: '512', slug: '' });
  });
});
