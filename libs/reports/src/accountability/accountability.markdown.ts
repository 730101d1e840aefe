import { ReportDocument } from './report-document';

/** Characters Markdown would read as syntax inside a table cell or a line. */
const escape = (text: string) => text.replace(/([\\|*_`[\]<>#])/g, '\\$1');

/** The report as Markdown (GitHub-flavoured tables), for the web and for archives. */
export function renderAccountabilityMarkdown(doc: ReportDocument): string {
  const lines: string[] = [`# ${escape(doc.title)}`, '', `**${escape(doc.subtitle)}**`, ''];
  for (const line of doc.meta) lines.push(`${escape(line)}  `);
  lines.push('', escape(doc.intro), '');
  for (const section of doc.sections) {
    lines.push(`## ${escape(section.heading)}`, '');
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'paragraph':
          lines.push(escape(block.text), '');
          break;
        case 'note':
          lines.push(`> ${escape(block.text)}`, '');
          break;
        case 'figures':
          for (const item of block.items)
            lines.push(`- ${escape(item.label)}${doc.labelSep}**${escape(item.value)}**`);
          lines.push('');
          break;
        case 'table':
          lines.push(`### ${escape(block.caption)}`, '');
          if (block.rows.length === 0) {
            lines.push(`*${escape(block.empty)}*`, '');
            break;
          }
          lines.push(`| ${block.columns.map((c) => escape(c.label)).join(' | ')} |`);
          lines.push(
            `| ${block.columns.map((c) => (c.align === 'right' ? '---:' : ':---')).join(' | ')} |`,
          );
          for (const row of block.rows) lines.push(`| ${row.map(escape).join(' | ')} |`);
          lines.push('');
          break;
      }
    }
  }
  lines.push('---', '', `*${escape(doc.footer)}*`, '');
  return lines.join('\n');
}
