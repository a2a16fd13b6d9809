// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compareDocumentPoints, composedContains } from '../../utils/page/document-order';

afterEach(() => {
  document.body.innerHTML = '';
});

function setup() {
  document.body.innerHTML = '<p id="a">first</p><x-box id="host"></x-box><p id="b">last</p>';
  const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>inside</p>';
  return {
    a: document.getElementById('a')!.firstChild!,
    b: document.getElementById('b')!.firstChild!,
    inner: shadow.firstChild!.firstChild!,
    host: document.getElementById('host')!,
  };
}

describe('compareDocumentPoints', () => {
  it('orders points in one tree, offsets included', () => {
    const { a, b } = setup();
    expect(compareDocumentPoints(a, 0, b, 0)).toBeLessThan(0);
    expect(compareDocumentPoints(b, 0, a, 3)).toBeGreaterThan(0);
    expect(compareDocumentPoints(a, 1, a, 3)).toBeLessThan(0);
    expect(compareDocumentPoints(a, 2, a, 2)).toBe(0);
  });

  it('orders a point in an open shadow root by its host', () => {
    const { a, b, inner } = setup();
    expect(compareDocumentPoints(a, 0, inner, 0)).toBeLessThan(0);
    expect(compareDocumentPoints(inner, 0, b, 0)).toBeLessThan(0);
    expect(compareDocumentPoints(b, 0, inner, 2)).toBeGreaterThan(0);
  });
});

describe('composedContains', () => {
  it('sees through shadow roots to the host', () => {
    const { inner, host, a } = setup();
    expect(composedContains(document.body, inner)).toBe(true);
    expect(composedContains(host, inner)).toBe(true);
    expect(composedContains(a.parentNode!, inner)).toBe(false);
  });
});
