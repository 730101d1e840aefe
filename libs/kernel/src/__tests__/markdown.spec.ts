import { renderMarkdown } from '../markdown';

describe('renderMarkdown', () => {
  it('renders Markdown formatting', () => {
    expect(renderMarkdown('**Pour** le *plan*')).toBe(
      '<p><strong>Pour</strong> le <em>plan</em></p>\n',
    );
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'Texte\n\n<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[lien](javascript:alert(3))',
    );
    expect(html).toContain('Texte');
    expect(html).not.toMatch(/script|onerror|img|javascript/i);
  });

  it('marks member links nofollow and without opener', () => {
    expect(renderMarkdown('[source](https://example.org)')).toBe(
      '<p><a href="https://example.org" rel="nofollow noopener noreferrer ugc">source</a></p>\n',
    );
  });
});
