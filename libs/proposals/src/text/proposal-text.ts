import { createTwoFilesPatch, diffLines } from 'diff';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to HTML that is safe to show: Markdown allows raw HTML, so the
 * output is sanitised (no scripts, event handlers or javascript: links).
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'h1', 'h2', 'del', 'ins'],
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}

export type DiffChangeKind = 'added' | 'removed' | 'unchanged';

export interface TextDiff {
  /** Line-by-line changes of the body, for side-by-side or inline display. */
  changes: { kind: DiffChangeKind; text: string }[];
  /** The same as a unified patch, for download or review tools. */
  unified: string;
  titleChanged: boolean;
}

export function diffTexts(
  from: { version: number; title: string; body: string },
  to: { version: number; title: string; body: string },
): TextDiff {
  return {
    changes: diffLines(from.body, to.body).map((part) => ({
      kind: part.added ? 'added' : part.removed ? 'removed' : 'unchanged',
      text: part.value,
    })),
    unified: createTwoFilesPatch(
      `v${from.version}`,
      `v${to.version}`,
      `${from.body}\n`,
      `${to.body}\n`,
    ),
    titleChanged: from.title !== to.title,
  };
}
