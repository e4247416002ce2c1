import { renderComment } from './comment-markdown';

describe('comments as HTML', () => {
  it('renders Markdown', () => {
    expect(renderComment('**Great** run, _well_ done')).toBe(
      '<p><strong>Great</strong> run, <em>well</em> done</p>\n',
    );
  });

  it('lets no HTML through', () => {
    const html = renderComment('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>hi</b>');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops images and dangerous links, marks links nofollow', () => {
    const html = renderComment(
      '![x](https://t.example/p.gif) [a](javascript:alert(1)) [b](data:text/html,x) [c](https://ok.example)',
    );
    expect(html).not.toMatch(/<img|href="javascript|href="data/);
    expect(html).toContain('<a href="https://ok.example" rel="nofollow ugc noopener noreferrer">c</a>');
  });

  it('links mentions of known handles only, not inside code or links', () => {
    const html = renderComment('Nice @Ann and @nobody, `@ann` [@ann](https://x.example)', new Set(['ann']));
    expect(html).toContain(
      '<a href="/athletes/ann" rel="nofollow ugc noopener noreferrer">@Ann</a> and @nobody',
    );
    expect(html).toContain('<code>@ann</code>');
    expect(html).toContain('<a href="https://x.example" rel="nofollow ugc noopener noreferrer">@ann</a>');
  });
});
