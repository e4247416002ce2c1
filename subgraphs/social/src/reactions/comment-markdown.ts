/**
 * Comments' Markdown as HTML, safely: markdown-it with raw HTML off (any `<tag>` is shown as text), no images
 * (no tracking pixels), links only to http(s) and mailto (markdown-it's default check refuses javascript:,
 * vbscript:, file: and most data:), every link `rel="nofollow ugc noopener noreferrer"`; `@handle` of a
 * mentioned athlete becomes a link to their profile (`/athletes/<handle>`).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { MENTION } from '../profiles/handle';

const markdown = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });
markdown.disable(['image', 'heading', 'lheading', 'table', 'hr']);

const SAFE_SCHEMES = /^(https?:|mailto:)/i;
const defaultValidateLink = markdown.validateLink.bind(markdown);
markdown.validateLink = (url) =>
  defaultValidateLink(url) && (SAFE_SCHEMES.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url));

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index]!.attrSet('rel', 'nofollow ugc noopener noreferrer');
  return self.renderToken(tokens, index, options);
};

/** Splits text tokens at mentions of known handles into links (not inside links or code). */
markdown.core.ruler.push('mentions', (state) => {
  const handles = (state.env as { handles?: ReadonlySet<string> }).handles;
  if (!handles?.size) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let insideLink = 0;
    const children: Token[] = [];
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink += 1;
      if (token.type === 'link_close') insideLink -= 1;
      if (token.type !== 'text' || insideLink > 0) {
        children.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(MENTION)) {
        const handle = match[1]!.toLowerCase();
        if (!handles.has(handle)) continue;
        const text = (content: string) => Object.assign(new state.Token('text', '', 0), { content });
        if (match.index > last) children.push(text(token.content.slice(last, match.index)));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', `/athletes/${handle}`]];
        children.push(open, text(match[0]), new state.Token('link_close', 'a', -1));
        last = match.index + match[0].length;
      }
      if (last === 0) children.push(token);
      else if (last < token.content.length) {
        children.push(Object.assign(new state.Token('text', '', 0), { content: token.content.slice(last) }));
      }
    }
    block.children = children;
  }
});

/** The comment as HTML; `handles` are those of the athletes it mentions (lower case). */
export const renderComment = (text: string, handles: ReadonlySet<string> = new Set()): string =>
  markdown.render(text, { handles });
