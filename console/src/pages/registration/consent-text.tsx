/**
 * A consent document's text (Markdown as assets/consents/ keeps it) as React elements: headings,
 * paragraphs, lists, quoted notes and **bold**. Text only — no HTML from the document is ever
 * rendered.
 */
import type { ReactNode } from 'react';

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, i) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : (
        part
      ),
    );
}

export function ConsentText({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(<p key={blocks.length}>{inline(paragraph.join(' '))}</p>);
    if (list.length)
      blocks.push(
        <ul key={blocks.length}>
          {list.map((item, i) => (
            <li key={i}>{inline(item)}</li>
          ))}
        </ul>,
      );
    paragraph = [];
    list = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[-*]\s+(.*)$/.exec(line) ?? /^\d+[.)]\s+(.*)$/.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      const level = heading[1]!.length;
      blocks.push(
        level === 1 ? (
          <h3 key={blocks.length}>{inline(heading[2]!)}</h3>
        ) : (
          <h4 key={blocks.length}>{inline(heading[2]!)}</h4>
        ),
      );
    } else if (item) {
      if (paragraph.length) flush();
      list.push(item[1]!);
    } else if (line.startsWith('>')) {
      flush();
      blocks.push(
        <p key={blocks.length} className="consent-note">
          {inline(line.replace(/^>\s?/, ''))}
        </p>,
      );
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return <>{blocks}</>;
}
