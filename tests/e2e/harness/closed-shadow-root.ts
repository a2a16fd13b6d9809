import type { Page } from 'playwright-core';

type DomNode = { localName?: string; children?: DomNode[]; shadowRoots?: DomNode[]; backendNodeId: number };

/**
 * Calls `functionDeclaration` with `this` = the shadow root of the first `hostName` element, through the
 * DevTools protocol, which pierces closed shadow roots that page scripts (and so tests) cannot reach.
 * Returns the function's string result, or null when there is no such element or the result is not a string.
 */
export async function callInClosedShadowRoot(page: Page, hostName: string, functionDeclaration: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (node: DomNode): DomNode | null => {
      if (node.localName === hostName) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return null;
    };
    const shadow = find(root as DomNode)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, returnByValue: true, functionDeclaration });
    return typeof result.value === 'string' ? result.value : null;
  } finally {
    await cdp.detach();
  }
}
