import { diffTexts, renderMarkdown } from '../text/proposal-text';

describe('proposal text', () => {
  it('renders Markdown and strips scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '# Barème\n\n**Gras** <script>alert(1)</script> <img src=x onerror="alert(1)"> [lien](javascript:alert(1)) [ok](https://example.org)',
    );
    expect(html).toContain('<h1>Barème</h1>');
    expect(html).toContain('<strong>Gras</strong>');
    expect(html).toContain('href="https://example.org"');
    expect(html).not.toMatch(/script|onerror|javascript:/);
  });

  it('diffs two versions line by line and as a unified patch', () => {
    const diff = diffTexts(
      { version: 1, title: 'Barème', body: 'Palier A : 100 $\nPalier B : 200 $' },
      { version: 2, title: 'Barème 2027', body: 'Palier A : 100 $\nPalier B : 150 $' },
    );
    expect(diff.titleChanged).toBe(true);
    expect(diff.changes).toEqual([
      { kind: 'unchanged', text: 'Palier A : 100 $\n' },
      { kind: 'removed', text: 'Palier B : 200 $' },
      { kind: 'added', text: 'Palier B : 150 $' },
    ]);
    expect(diff.unified).toContain('-Palier B : 200 $');
    expect(diff.unified).toContain('+Palier B : 150 $');
  });
});
