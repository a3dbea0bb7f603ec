/** The coordinator's Markdown drawn as React elements (never as HTML). */
import { Fragment, type ReactNode } from 'react';
import { type MdRun, parseMarkdown } from '../../../contracts/report-markdown.js';

function Runs({ runs }: { runs: MdRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        const lines = run.text.split('\n');
        let content: ReactNode = lines.map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one run never move
          <Fragment key={i}>
            {i > 0 ? <br /> : null}
            {line}
          </Fragment>
        ));
        if (run.italic) content = <em>{content}</em>;
        if (run.bold) content = <strong>{content}</strong>;
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are recomputed with the text
        return <Fragment key={index}>{content}</Fragment>;
      })}
    </>
  );
}

/**
 * The coordinator's Markdown as headings, paragraphs and lists. `headingLevel` is the level of
 * the block's own title: Markdown headings go below it.
 */
export function Markdown({ source, headingLevel = 3 }: { source: string; headingLevel?: number }) {
  const blocks = parseMarkdown(source);
  return (
    <>
      {blocks.map((block, index) => {
        const key = `${block.kind}-${index}`;
        if (block.kind === 'heading') {
          const level = Math.min(6, headingLevel + block.level);
          const Tag = `h${level}` as 'h4';
          return (
            <Tag key={key} className="h6">
              <Runs runs={block.runs} />
            </Tag>
          );
        }
        if (block.kind === 'paragraph') {
          return (
            <p key={key}>
              <Runs runs={block.runs} />
            </p>
          );
        }
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={key}>
            {block.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items are recomputed with the text
              <li key={i}>
                <Runs runs={item} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}
