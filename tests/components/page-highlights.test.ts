// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLAIM_HIGHLIGHT,
  CURRENT_HIGHLIGHT,
  HIGHLIGHT_CSS,
  STYLE_ELEMENT_ID,
  createHighlighter,
  type HighlightLike,
  type HighlighterEnvironment,
} from '../../utils/page/highlights';

/** Stand-ins for CSS.highlights and Highlight (happy-dom has neither; the real ones are covered in e2e). */
class FakeHighlight extends Set<AbstractRange> implements HighlightLike {
  priority = 0;
}

function fakeEnv(): HighlighterEnvironment & { registry: Map<string, unknown> } {
  return { registry: new Map(), createHighlight: () => new FakeHighlight() };
}

afterEach(() => {
  document.adoptedStyleSheets = [];
  document.getElementById(STYLE_ELEMENT_ID)?.remove();
});

describe('createHighlighter', () => {
  it('returns null where the Custom Highlight API is missing', () => {
    expect(createHighlighter(document, null)).toBeNull();
  });

  it('registers two namespaced highlights, the current one on top', () => {
    const env = fakeEnv();
    const h = createHighlighter(document, env)!;
    const claims = env.registry.get(CLAIM_HIGHLIGHT) as FakeHighlight;
    const current = env.registry.get(CURRENT_HIGHLIGHT) as FakeHighlight;
    expect(current.priority).toBeGreaterThan(claims.priority);
    const r = document.createRange();
    h.add([r]);
    h.setCurrent(r);
    expect([...claims]).toEqual([r]);
    expect([...current]).toEqual([r]);
    h.remove([r]);
    expect(claims.size + current.size).toBe(0);
  });

  it('re-registers after the page clears the registry', () => {
    const env = fakeEnv();
    const h = createHighlighter(document, env)!;
    const claims = env.registry.get(CLAIM_HIGHLIGHT);
    expect(h.ensureRegistered()).toBe(false);
    env.registry.clear();
    expect(h.ensureRegistered()).toBe(true);
    expect(env.registry.get(CLAIM_HIGHLIGHT)).toBe(claims);
  });

  it('injects one stylesheet with underline, tint, forced-colors and prefers-contrast rules', () => {
    const h = createHighlighter(document, fakeEnv())!;
    const css =
      document.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n') +
      (document.getElementById(STYLE_ELEMENT_ID)?.textContent ?? '');
    expect(css.length).toBeGreaterThan(0);
    for (const needle of ['text-decoration', 'background-color', 'forced-colors', 'prefers-contrast']) {
      expect(HIGHLIGHT_CSS).toContain(needle);
    }
    h.dispose();
  });

  it('with registerOnFirstMark, registers nothing and adopts no stylesheet until the first mark', () => {
    const env = fakeEnv();
    const h = createHighlighter(document, env, { registerOnFirstMark: true })!;
    expect(env.registry.get(CLAIM_HIGHLIGHT)).toBeUndefined();
    expect(h.ensureRegistered()).toBe(false);
    h.add([]);
    expect(env.registry.get(CLAIM_HIGHLIGHT)).toBeUndefined();
    expect(document.adoptedStyleSheets.length + (document.getElementById(STYLE_ELEMENT_ID) ? 1 : 0)).toBe(0);
    h.add([document.createRange()]);
    expect(env.registry.get(CLAIM_HIGHLIGHT)).toBeDefined();
    expect(env.registry.get(CURRENT_HIGHLIGHT)).toBeDefined();
    expect(document.adoptedStyleSheets.length + (document.getElementById(STYLE_ELEMENT_ID) ? 1 : 0)).toBe(1);
    h.dispose();
  });

  it('dispose() removes our highlights and stylesheet, and leaves others alone', () => {
    const env = fakeEnv();
    env.registry.set('page-own', new FakeHighlight());
    const h = createHighlighter(document, env)!;
    h.dispose();
    expect([...env.registry.keys()]).toEqual(['page-own']);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(document.getElementById(STYLE_ELEMENT_ID)).toBeNull();
  });
});
