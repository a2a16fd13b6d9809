// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extractBlocks, isInSkippedRegion, iterateBlocks, type TextBlock } from '../../utils/page/extract-blocks';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Block texts with whitespace collapsed (the engine normalises whitespace itself). */
function texts(blocks: TextBlock[]): string[] {
  return blocks.map((b) => b.text.replace(/\s+/g, ' ').trim());
}

afterEach(() => {
  document.body.innerHTML = '';
  document.designMode = 'off';
});

describe('extractBlocks: block splitting', () => {
  it.each([
    ['paragraphs', '<p>One.</p><p>Two.</p>', ['One.', 'Two.']],
    ['headings and list items', '<h1>Title</h1><ul><li>First</li><li>Second</li></ul>', ['Title', 'First', 'Second']],
    ['table cells', '<table><tr><td>A</td><td>B</td></tr></table>', ['A', 'B']],
    ['blockquote inside a paragraph flow', '<div>Before<blockquote>Quoted</blockquote>After</div>', ['Before', 'Quoted', 'After']],
    ['nested divs', '<div><div>Inner</div>Tail</div>', ['Inner', 'Tail']],
    ['inline elements join their block', '<p>He <a href="#">said</a> <b>no <i>such</i></b> thing.</p>', ['He said no such thing.']],
    ['whitespace-only blocks dropped', '<div>\n  <p>Text</p>\n  </div>', ['Text']],
  ])('%s', (_name, html, expected) => {
    expect(texts(extractBlocks(page(html)))).toEqual(expected);
  });

  it('turns <br> into a line break inside the block, owned by no text node', () => {
    const [block] = extractBlocks(page('<p>line one<br>line two</p>'));
    expect(block!.text).toBe('line one\nline two');
    expect(block!.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 8],
      [9, 17],
    ]);
  });

  it('maps every segment back to its text node', () => {
    const [block] = extractBlocks(page('<p>The <a href="#">officials</a> denied it.</p>'));
    for (const s of block!.segments) expect(block!.text.slice(s.start, s.end)).toBe(s.node.data);
    expect(block!.segments.map((s) => s.node.data)).toEqual(['The ', 'officials', ' denied it.']);
  });

  it('reads the whole document from its body', () => {
    page('<p>Body text</p>');
    expect(texts(extractBlocks(document))).toEqual(['Body text']);
  });

  it('is lazy: a caller can stop after any block', () => {
    const it = iterateBlocks(page('<p>a</p><p>b</p><p>c</p>'));
    expect(it.next().value?.text).toBe('a');
    expect(it.next().value?.text).toBe('b');
  });
});

describe('extractBlocks: skipped regions', () => {
  it.each([
    ['script', '<p>keep</p><script>var x = "drop";</script>'],
    ['style', '<p>keep</p><style>p { color: red } /* drop */</style>'],
    ['noscript', '<p>keep</p><noscript>drop</noscript>'],
    ['template', '<p>keep</p><template><p>drop</p></template>'],
    ['textarea', '<p>keep</p><textarea>drop</textarea>'],
    ['select', '<p>keep</p><select><option>drop</option></select>'],
    ['code', '<p>keep <code>drop</code></p>'],
    ['pre', '<p>keep</p><pre>drop</pre>'],
    ['hidden attribute', '<p>keep</p><p hidden>drop</p>'],
    ['inline display:none', '<p>keep</p><p style="display: none">drop</p>'],
    ['contenteditable', '<p>keep</p><div contenteditable="true"><p>drop</p></div>'],
    ['contenteditable (empty value)', '<p>keep</p><div contenteditable><p>drop</p></div>'],
    ['contenteditable plaintext-only', '<p>keep</p><div contenteditable="plaintext-only">drop</div>'],
    ['svg', '<p>keep</p><svg><text>drop</text></svg>'],
    ['our own UI', '<p>keep</p><div data-right-to-truth><p>drop</p></div>'],
  ])('%s', (_name, html) => {
    expect(texts(extractBlocks(page(html)))).toEqual(['keep']);
  });

  it('reads contenteditable="false" content', () => {
    expect(texts(extractBlocks(page('<p contenteditable="false">keep</p>')))).toEqual(['keep']);
  });

  it('reads nothing when the document is in design mode', () => {
    page('<p>drop</p>');
    document.designMode = 'on';
    expect(extractBlocks(document)).toEqual([]);
  });

  it('honours a custom own-UI attribute', () => {
    expect(texts(extractBlocks(page('<p>keep</p><div data-x><p>drop</p></div>'), { ownUiAttribute: 'data-x' }))).toEqual([
      'keep',
    ]);
  });

  it('isInSkippedRegion looks through ancestors and shadow hosts', () => {
    page('<div contenteditable><p id="e">x</p></div><div data-right-to-truth id="host"></div><p id="ok">y</p>');
    expect(isInSkippedRegion(document.getElementById('e')!.firstChild!)).toBe(true);
    expect(isInSkippedRegion(document.getElementById('ok')!.firstChild!)).toBe(false);
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>card</p>';
    expect(isInSkippedRegion(shadow.firstChild!)).toBe(true);
  });
});

describe('extractBlocks: shadow roots', () => {
  it('reads open shadow roots in place of the host', () => {
    const body = page('<p>before</p><news-quote id="q"></news-quote><p>after</p>');
    const shadow = document.getElementById('q')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside <b>shadow</b></p>';
    expect(texts(extractBlocks(body))).toEqual(['before', 'inside shadow', 'after']);
  });

  it('reads slotted light-DOM text where its slot is', () => {
    const body = page('<x-card id="c"><span slot="t">slotted text</span></x-card>');
    const shadow = document.getElementById('c')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<h2><slot name="t"></slot></h2><p>shadow body</p>';
    expect(texts(extractBlocks(body))).toEqual(['slotted text', 'shadow body']);
  });

  it('reports each shadow root walked', () => {
    const body = page('<x-a id="a"></x-a>');
    const shadow = document.getElementById('a')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>t</p>';
    const seen: ShadowRoot[] = [];
    extractBlocks(body, { onShadowRoot: (r) => seen.push(r) });
    expect(seen).toEqual([shadow]);
  });

  it('skips the shadow root of our own UI', () => {
    const body = page('<p>keep</p><div data-right-to-truth id="ui"></div>');
    document.getElementById('ui')!.attachShadow({ mode: 'open' }).innerHTML = '<p>card text</p>';
    expect(texts(extractBlocks(body))).toEqual(['keep']);
  });
});
