// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageAnnotator, type BlockMatch, type Scheduler } from '../../utils/page/annotator';
import type { Highlighter } from '../../utils/page/highlights';
import { NEARBY_BLOCKS } from '../../utils/engine/index';

/** A tiny stand-in for the engine: exact phrases → claim ids. */
const PHRASES: Record<string, string> = {
  'no political prisoners': 'no-political-prisoners',
  'nobody was killed': 'nobody-killed',
};

function fakeMatch(blocks: string[]): BlockMatch[] {
  const out: BlockMatch[] = [];
  blocks.forEach((text, block) => {
    const normal = text.replace(/\s/g, ' ');
    for (const [phrasing, claimId] of Object.entries(PHRASES)) {
      for (let i = normal.indexOf(phrasing); i >= 0; i = normal.indexOf(phrasing, i + 1)) {
        const why = { kind: 'phrasing' as const, rule: phrasing, terms: [], context: null };
        out.push({ block, claimId, phrasing, start: i, end: i + phrasing.length, score: 1, why });
      }
    }
  });
  return out;
}

/** Runs scheduled tasks only when told to. */
class ManualScheduler implements Scheduler {
  tasks: (() => void)[] = [];
  schedule(task: () => void): () => void {
    this.tasks.push(task);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== task);
    };
  }
  now(): number {
    return performance.now();
  }
  /** Lets MutationObserver records arrive, then runs every task. */
  async flush(): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    for (let guard = 0; this.tasks.length > 0 && guard < 1000; guard++) this.tasks.shift()!();
  }
}

class RecordingHighlighter implements Highlighter {
  ranges = new Set<AbstractRange>();
  current: AbstractRange | null = null;
  disposed = false;
  add(ranges: Iterable<AbstractRange>): void {
    for (const r of ranges) this.ranges.add(r);
  }
  remove(ranges: Iterable<AbstractRange>): void {
    for (const r of ranges) this.ranges.delete(r);
  }
  clear(): void {
    this.ranges.clear();
  }
  setCurrent(range: AbstractRange | null): void {
    this.current = range;
  }
  ensureRegistered(): boolean {
    return false;
  }
  dispose(): void {
    this.disposed = true;
  }
  texts(): string[] {
    return [...this.ranges].map((r) => (r as Range).toString());
  }
}

let scheduler: ManualScheduler;
let highlighter: RecordingHighlighter;
let reports: string[][];
let dismissed: Set<string>;
let annotator: PageAnnotator;

function start(html: string): PageAnnotator {
  document.body.innerHTML = html;
  annotator = new PageAnnotator({
    root: document,
    match: fakeMatch,
    onMarksChanged: (ids) => reports.push(ids),
    isDismissed: (claimId, text) => dismissed.has(`${claimId}|${text}`),
    scheduler,
    highlighter,
    isVisible: () => true,
    scrollToMark: () => {},
  });
  annotator.start();
  return annotator;
}

beforeEach(() => {
  scheduler = new ManualScheduler();
  highlighter = new RecordingHighlighter();
  reports = [];
  dismissed = new Set();
});

afterEach(() => {
  annotator?.dispose();
  document.body.innerHTML = '';
});

describe('PageAnnotator', () => {
  it('marks matches, across inline tags, and reports distinct claim ids', async () => {
    start('<p>Officials said there are <b>no political</b> prisoners.</p><p>Again: no political prisoners.</p><p>nobody was killed</p>');
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.range.toString())).toEqual([
      'no political prisoners',
      'no political prisoners',
      'nobody was killed',
    ]);
    expect(highlighter.texts()).toHaveLength(3);
    expect(reports).toEqual([['no-political-prisoners', 'nobody-killed']]);
  });

  it('reports an empty list once on a page without claims', async () => {
    start('<p>Weather: sunny.</p>');
    await scheduler.flush();
    expect(annotator.marks).toEqual([]);
    expect(reports).toEqual([[]]);
  });

  it('never marks editable regions or our own UI', async () => {
    start(
      '<div contenteditable><p>no political prisoners</p></div><textarea>no political prisoners</textarea>' +
        '<div data-right-to-truth><p>no political prisoners</p></div>',
    );
    await scheduler.flush();
    expect(annotator.marks).toEqual([]);
    // Changes inside them are not scanned either.
    document.querySelector('[contenteditable] p')!.append(' nobody was killed');
    document.querySelector('[data-right-to-truth]')!.append(document.createElement('section'));
    document.querySelector('[data-right-to-truth] section')!.textContent = 'nobody was killed';
    await scheduler.flush();
    expect(annotator.marks).toEqual([]);
  });

  it('marks appended paragraphs, scanning only what was added', async () => {
    start('<main id="feed"><p>no political prisoners</p></main>');
    await scheduler.flush();
    const seen: string[][] = [];
    const inner = annotator['deps'].match;
    annotator['deps'].match = (blocks) => {
      seen.push(blocks);
      return inner(blocks);
    };
    const p = document.createElement('p');
    p.textContent = 'Later, officials said nobody was killed.';
    document.getElementById('feed')!.append(p);
    await scheduler.flush();
    // The new paragraph, after at most NEARBY_BLOCKS earlier blocks carried along as page context.
    expect(seen).toEqual([['no political prisoners', 'Later, officials said nobody was killed.']]);
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['no-political-prisoners', 'nobody-killed']);
    expect(reports.at(-1)).toEqual(['no-political-prisoners', 'nobody-killed']);
  });

  it('carries only the last few blocks into the next call, and a cue there completes an earlier claim', async () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Background paragraph number ${i}.</p>`).join('');
    start(`<main id="feed">${paragraphs}<p>the authorities said she took her own life</p></main>`);
    await scheduler.flush();
    const seen: string[][] = [];
    // A claim that counts only when its cue ("Sarina") is among the blocks of the same call.
    annotator['deps'].match = (blocks) => {
      seen.push(blocks);
      if (!blocks.some((b) => b.includes('Sarina'))) return [];
      return blocks.flatMap((text, block) => {
        const start = text.indexOf('took her own life');
        if (start < 0) return [];
        const why = { kind: 'signature' as const, rule: 'suicide', terms: [], context: null };
        return [{ block, claimId: 'sarina', phrasing: 'signature suicide', start, end: start + 17, score: 0.8, why }];
      });
    };
    const p = document.createElement('p');
    p.textContent = 'Sarina was 16.';
    document.getElementById('feed')!.append(p);
    await scheduler.flush();
    expect(seen.at(-1)!.length).toBeLessThanOrEqual(1 + NEARBY_BLOCKS);
    expect(seen.at(-1)!.at(-1)).toBe('Sarina was 16.');
    expect(annotator.marks.filter((m) => m.claimId === 'sarina').map((m) => m.text)).toEqual(['took her own life']);
  });

  it('scans only the new paragraphs when appended HTML has white space between them', async () => {
    start('<main id="feed">\n<p>no political prisoners</p>\n</main>');
    await scheduler.flush();
    const seen: string[][] = [];
    const inner = annotator['deps'].match;
    annotator['deps'].match = (blocks) => {
      seen.push(blocks);
      return inner(blocks);
    };
    document.getElementById('feed')!.insertAdjacentHTML('beforeend', '\n<p>Later, officials said nobody was killed.</p>\n<p>Rain is due.</p>\n');
    await scheduler.flush();
    // Each call: the new paragraphs, after at most NEARBY_BLOCKS earlier blocks carried along as context.
    expect([...new Set(seen.flat())].filter((b) => b !== 'no political prisoners').sort()).toEqual(['Later, officials said nobody was killed.', 'Rain is due.']);
    for (const call of seen) expect(call.length).toBeLessThanOrEqual(2 + NEARBY_BLOCKS);
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['no-political-prisoners', 'nobody-killed']);
  });

  it('still rescans a paragraph when white space joins two of its inline words', async () => {
    start('<p id="a"><b>no political</b><i>prisoners</i></p>');
    await scheduler.flush();
    const a = document.getElementById('a')!;
    a.insertBefore(document.createTextNode(' '), a.lastChild);
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['no-political-prisoners']);
  });

  it('rebuilds marks when the framework re-renders the marked text, and drops removed ones', async () => {
    start('<p id="a">no political prisoners</p><p id="b">nobody was killed</p>');
    await scheduler.flush();
    const a = document.getElementById('a')!;
    a.innerHTML = '<span>no political</span> prisoners'; // re-render with new nodes
    document.getElementById('b')!.remove();
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.range.toString())).toEqual(['no political prisoners']);
    expect(annotator.marks[0]!.nodes.every((n) => n.isConnected)).toBe(true);
    expect(highlighter.texts()).toEqual(['no political prisoners']);
    expect(reports.at(-1)).toEqual(['no-political-prisoners']);
  });

  it('re-scans a block whose text changed in place', async () => {
    start('<p>there are no political detainees</p>');
    await scheduler.flush();
    expect(annotator.marks).toHaveLength(0);
    (document.querySelector('p')!.firstChild as Text).data = 'there are no political prisoners';
    await scheduler.flush();
    expect(annotator.marks).toHaveLength(1);
  });

  it('skips dismissed passages and drops them on applyDismissals()', async () => {
    dismissed.add('nobody-killed|nobody was killed');
    start('<p>no political prisoners</p><p>nobody was killed</p>');
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['no-political-prisoners']);
    dismissed.add('no-political-prisoners|no political prisoners');
    annotator.applyDismissals();
    expect(annotator.marks).toEqual([]);
    expect(reports.at(-1)).toEqual([]);
  });

  it('navigates marks in document order, wrapping, and draws the current one', async () => {
    start('<p>nobody was killed</p><p>no political prisoners</p>');
    await scheduler.flush();
    const [first, second] = annotator.marks;
    expect(annotator.next()).toBe(first);
    expect(highlighter.current).toBe(first!.range);
    expect(annotator.next()).toBe(second);
    expect(annotator.next()).toBe(first);
    expect(annotator.previous()).toBe(second);
  });

  it('keeps hidden marks out of the count until refresh() sees them rendered', async () => {
    let visible = false;
    document.body.innerHTML = '<p>no political prisoners</p>';
    annotator = new PageAnnotator({
      root: document,
      match: fakeMatch,
      onMarksChanged: (ids) => reports.push(ids),
      isDismissed: () => false,
      scheduler,
      highlighter,
      isVisible: () => visible,
    });
    annotator.start();
    await scheduler.flush();
    expect(annotator.marks).toEqual([]);
    visible = true;
    annotator.refresh();
    expect(annotator.marks).toHaveLength(1);
    expect(reports).toEqual([[], ['no-political-prisoners']]);
  });

  it('rescan() starts over (single-page-app navigation)', async () => {
    start('<p>no political prisoners</p>');
    await scheduler.flush();
    document.body.innerHTML = '<p>nobody was killed</p>';
    annotator.rescan();
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['nobody-killed']);
  });

  it('marks text in open shadow roots and follows changes inside them', async () => {
    start('<x-story id="s"></x-story>');
    const shadow = document.getElementById('s')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>no political prisoners</p>';
    annotator.rescan();
    await scheduler.flush();
    expect(annotator.marks).toHaveLength(1);
    const p = document.createElement('p');
    p.textContent = 'nobody was killed';
    shadow.append(p);
    await scheduler.flush();
    expect(annotator.marks.map((m) => m.claimId)).toEqual(['no-political-prisoners', 'nobody-killed']);
  });

  it('dispose() stops observing and removes the highlights', async () => {
    start('<p>no political prisoners</p>');
    await scheduler.flush();
    annotator.dispose();
    expect(highlighter.disposed).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<p>nobody was killed</p>');
    await scheduler.flush();
    expect(scheduler.tasks).toEqual([]);
    expect(annotator.marks).toEqual([]);
  });

  it('whenIdle() resolves after the queued work ran', async () => {
    start('<p>no political prisoners</p>');
    const idle = annotator.whenIdle();
    await scheduler.flush();
    await idle;
    expect(annotator.marks).toHaveLength(1);
  });
});
