import { onOrigin } from '../../src/sources/wordpress/restRoot';
import { wordPressEndpointClass } from '../../src/sources/wordpress/wordPressEndpointClass';

describe('the endpoint class of a WordPress call', () => {
  it('tells article lookups from listings by what they ask for', () => {
    expect(wordPressEndpointClass('posts', { slug: 'a-story', per_page: 1 })).toBe('articles');
    expect(wordPressEndpointClass('posts', { include: '4,6', per_page: 2 })).toBe('articles');
    expect(wordPressEndpointClass('posts/42', {})).toBe('articles');
    expect(wordPressEndpointClass('posts', { categories: '3', tags: '3', tax_relation: 'OR', per_page: 10, offset: 0 })).toBe('listings');
    // The related ranking's listings and its corpus size.
    expect(wordPressEndpointClass('posts', { author: '7', exclude: '42', per_page: 100 })).toBe('listings');
    expect(wordPressEndpointClass('posts', { per_page: 100, include: undefined })).toBe('listings');
  });

  it('puts terms, users and media in classes of their own, and anything else with the listings', () => {
    expect(wordPressEndpointClass('categories', { include: '3' })).toBe('terms');
    expect(wordPressEndpointClass('tags', { slug: 'climate' })).toBe('terms');
    expect(wordPressEndpointClass('users', { include: '7' })).toBe('users');
    expect(wordPressEndpointClass('media', { include: '9' })).toBe('media');
    expect(wordPressEndpointClass('comments', {})).toBe('listings');
  });
});

describe('onOrigin', () => {
  it('keeps the advertised path and query on the configured origin', () => {
    expect(onOrigin('https://news.example.com/wp-json/', 'http://wordpress.internal:8080').href).toBe('http://wordpress.internal:8080/wp-json/');
    expect(onOrigin('https://news.example.com/blog/?rest_route=/', 'http://10.0.0.5/blog').href).toBe('http://10.0.0.5/blog/?rest_route=/');
    expect(onOrigin('http://127.0.0.1:3000/wp-json/', 'https://news.example.com:443/').href).toBe('https://news.example.com/wp-json/');
  });

  it('reads a relative root against the site', () => {
    expect(onOrigin('/wp-json/', 'http://wordpress.internal/').href).toBe('http://wordpress.internal/wp-json/');
  });
});
