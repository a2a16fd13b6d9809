// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { blockOffsetToPoint, blockRange, blockSpanNodes } from '../../utils/page/block-ranges';
import { extractBlocks, type TextBlock } from '../../utils/page/extract-blocks';

function block(html: string): TextBlock {
  document.body.innerHTML = html;
  const [b] = extractBlocks(document.body);
  return b!;
}

function rangeFor(b: TextBlock, phrase: string): Range | null {
  const start = b.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return blockRange(b, start, start + phrase.length);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('blockRange', () => {
  it.each([
    ['plain text', '<p>They said there are no political prisoners here.</p>', 'no political prisoners'],
    ['across a link', '<p>They said there are <a href="#">no political</a> prisoners here.</p>', 'no political prisoners'],
    ['across nested inline tags', '<p>They said <b>there are <i>no</i></b><span> political</span> prisoners.</p>', 'there are no political prisoners'],
    ['starting at an element boundary', '<p>Quote: <q>no political prisoners</q>.</p>', 'no political prisoners'],
    ['Persian text across a span', '<p dir="rtl">مقام‌ها گفتند <span>هیچ زندانی</span> سیاسی نداریم.</p>', 'هیچ زندانی سیاسی'],
  ])('%s: the range covers exactly the phrase', (_name, html, phrase) => {
    const b = block(html);
    const range = rangeFor(b, phrase);
    expect(range).not.toBeNull();
    expect(range!.toString()).toBe(phrase);
  });

  it('binds a start at a segment boundary to the following node and an end to the preceding one', () => {
    const b = block('<p>ab<b>cd</b>ef</p>');
    expect(blockOffsetToPoint(b, 2, 'start')).toMatchObject({ offset: 0 });
    expect(blockOffsetToPoint(b, 2, 'start')!.node.data).toBe('cd');
    expect(blockOffsetToPoint(b, 4, 'end')!.node.data).toBe('cd');
    expect(blockOffsetToPoint(b, 4, 'end')!.offset).toBe(2);
  });

  it('handles a span over a <br> gap', () => {
    const b = block('<p>first line<br>second line</p>');
    const range = rangeFor(b, 'line\nsecond');
    expect(range!.startContainer).toBe(b.segments[0]!.node);
    expect(range!.endContainer).toBe(b.segments[1]!.node);
  });

  it('returns null for an empty or out-of-bounds span', () => {
    const b = block('<p>text</p>');
    expect(blockRange(b, 2, 2)).toBeNull();
    expect(blockRange(b, 0, 99)).toBeNull();
    expect(blockRange(b, -1, 2)).toBeNull();
  });

  it('returns null when a covered text node changed or left the page since extraction', () => {
    const b = block('<p>no political <b>prisoners</b></p>');
    b.segments[1]!.node.data = 'inmates';
    expect(rangeFor(b, 'political prisoners')).toBeNull();
    const c = block('<p>no political <b>prisoners</b></p>');
    c.segments[1]!.node.remove();
    expect(rangeFor(c, 'political prisoners')).toBeNull();
  });

  it('blockSpanNodes lists the covered text nodes in order', () => {
    const b = block('<p>a <b>b</b> c</p>');
    expect(blockSpanNodes(b, 0, 3).map((n) => n.data)).toEqual(['a ', 'b']);
  });
});
