import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

/** One request the server saw: the browser asked for `url` (absolute, with the host it believed it reached). */
export interface LoggedRequest {
  /** The HTTP method; `CONNECT` for a refused HTTPS tunnel, `UPGRADE` for a refused WebSocket. */
  method: string;
  url: string;
  /** Headers that tell who asked: `origin` and `referer` name an extension page when one made the request. */
  headers: Partial<Record<(typeof LOGGED_HEADERS)[number], string>>;
}

/** The request headers kept in the log. */
const LOGGED_HEADERS = ['origin', 'referer', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'user-agent'] as const;

function loggedHeaders(req: IncomingMessage): LoggedRequest['headers'] {
  const out: LoggedRequest['headers'] = {};
  for (const name of LOGGED_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

export interface FixtureServer {
  /** `127.0.0.1:PORT`, for proxy settings. */
  address: string;
  port: number;
  /** Every request in arrival order, including refused HTTPS tunnels (`CONNECT host:443`). */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves fixture pages under any host name. The browsers use it as their HTTP
 * proxy, so a page requested as `http://www.reuters.com/article.html` is
 * answered from `<root>/article.html` while the browser — and the content
 * script's match patterns — see the real news host. Nothing leaves the
 * machine: HTTPS tunnels and WebSocket upgrades are refused and logged, with
 * the headers that name the requester, so a test can prove the extension
 * asked for nothing.
 */
export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const requests: LoggedRequest[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Proxied requests carry an absolute URL; direct ones only a path.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    requests.push({ method: req.method ?? 'GET', url: url.href, headers: loggedHeaders(req) });
    void serveFile(root, url.pathname, res);
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', headers: loggedHeaders(req) });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  // ws:// through the proxy arrives as an upgrade, not a request: logged and refused like a tunnel.
  server.on('upgrade', (req, socket) => {
    requests.push({ method: 'UPGRADE', url: req.url ?? '', headers: loggedHeaders(req) });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, pathname: string, res: ServerResponse): Promise<void> {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  if (relative.startsWith('..')) {
    res.writeHead(403).end();
    return;
  }
  const file = join(root, relative === '' ? 'index.html' : relative);
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
