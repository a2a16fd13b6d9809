// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import { PopupView } from '../../components/PopupView';

function rendered(node: Parameters<typeof render>[0]): HTMLElement {
  const root = document.createElement('div');
  render(node, root);
  return root;
}

describe('PopupView', () => {
  test('says when the extension does not run on the page', () => {
    expect(rendered(<PopupView state={null} titles={{}} />).textContent).toContain('does not run on this page');
  });

  test('says when nothing is marked', () => {
    const root = rendered(<PopupView state={{ claimIds: [], url: 'http://www.reuters.com/' }} titles={{}} />);
    expect(root.querySelector('[data-testid="marked-count"]')?.textContent).toBe('No known claims marked on this page.');
    expect(root.querySelector('li')).toBeNull();
  });

  test('lists the marked claims by title, falling back to the id', () => {
    const root = rendered(<PopupView state={{ claimIds: ['a', 'b'], url: 'http://x/' }} titles={{ a: 'Claim A' }} />);
    expect(root.querySelector('[data-testid="marked-count"]')?.textContent).toBe('2 known claims marked on this page.');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Claim A', 'b']);
  });
});
