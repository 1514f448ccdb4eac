import { decode } from 'html-entities';
import { compile } from 'html-to-text';

/*
 * CMS fields arrive as HTML: titles carry entities (`&#8217;`), excerpts carry paragraphs and "read more"
 * links. Clients want plain text they can render anywhere, so we convert once, when a record is mapped,
 * never per request.
 */
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'figure', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'ul', options: { itemPrefix: ' ' } },
  ],
});

/** HTML to a single line of plain text: tags gone, entities decoded, whitespace collapsed. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return collapseWhitespace(toText(html));
}

/**
 * For short inline fields such as titles: cheaper than a full HTML parse and keeps characters like `<`
 * that were entity-encoded in the source.
 */
export function inlineHtmlToText(html: string | null | undefined): string {
  if (!html) return '';
  return collapseWhitespace(decode(html.replace(/<[^>]*>/g, ' ')));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word count of HTML content, for reading time. */
export function countWords(html: string): number {
  const text = htmlToText(html);
  if (!text) return 0;
  return text.split(' ').length;
}
