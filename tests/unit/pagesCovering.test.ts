import { pagesCovering } from '../../src/sources/wordpress/WordPressTopicSource';

describe('pagesCovering (terms page by page and per_page only)', () => {
  it('covers every range with at most two requests of at most 100 items, one where one size holds it', () => {
    for (let offset = 0; offset <= 200; offset += 1) {
      for (let limit = 1; limit <= 100; limit += 1) {
        const pages = pagesCovering(offset, limit);
        expect(pages.length).toBeLessThanOrEqual(2);
        const covered = new Set(pages.flatMap(({ page, perPage }) => Array.from({ length: perPage }, (_, index) => (page - 1) * perPage + index)));
        for (let position = offset; position < offset + limit; position += 1) if (!covered.has(position)) throw new Error(`offset ${offset}, limit ${limit}: ${position} not covered`);
        if (pages.some(({ perPage, page }) => perPage > 100 || perPage < 1 || page < 1)) throw new Error(`offset ${offset}, limit ${limit}: ${JSON.stringify(pages)}`);
      }
    }
    expect(pagesCovering(0, 20)).toEqual([{ page: 1, perPage: 20 }]);
    expect(pagesCovering(17, 3)).toEqual([{ page: 5, perPage: 4 }]);
  });
});
