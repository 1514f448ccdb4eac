import { countWords, htmlToText, inlineHtmlToText } from '../../src/text/htmlToText';

describe('htmlToText', () => {
  it('strips tags, decodes entities and collapses whitespace', () => {
    expect(htmlToText('<p>Seoul&#8217;s  <em>bold</em>\n plan &amp; more</p>\n<p>Second.</p>')).toBe('Seoul’s bold plan & more Second.');
  });

  it('drops link targets, images and scripts but keeps link text', () => {
    expect(htmlToText('<p>Read <a href="https://x.test/a">the report</a><img src="a.jpg" alt="x"><script>alert(1)</script></p>')).toBe(
      'Read the report',
    );
  });

  it('keeps heading case', () => {
    expect(htmlToText('<h2>Why it matters</h2><p>Because.</p>')).toBe('Why it matters Because.');
  });

  it('treats empty input as empty text', () => {
    expect(htmlToText(null)).toBe('');
    expect(htmlToText('')).toBe('');
  });
});

describe('inlineHtmlToText', () => {
  it('decodes WordPress title entities and strips inline tags', () => {
    expect(inlineHtmlToText('EU&#8211;India deal: &#8220;signed <em>this</em> month&#8221; &amp; more')).toBe(
      'EU–India deal: “signed this month” & more',
    );
  });

  it('keeps encoded angle brackets as text', () => {
    expect(inlineHtmlToText('Why 3 &lt; 4')).toBe('Why 3 < 4');
  });
});

describe('countWords', () => {
  it('counts words of the text, not of the markup', () => {
    expect(countWords('<p>One <strong>two</strong> three.</p><p>Four</p>')).toBe(4);
    expect(countWords('')).toBe(0);
  });
});
