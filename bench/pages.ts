// The page the page-load and idle benchmarks load: a 400-paragraph document with a
// small script and an unread count in its title, served on 127.0.0.1 only. The same
// server is reached under two names: 127.0.0.1 (the work site every Hearth
// configuration lists) and localhost (an ordinary site no configuration lists).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchPages {
  /** The listed work site. */
  work: string;
  /** An ordinary site: the same server under a name nothing lists. */
  ordinary: string;
  requests: number;
  close(): Promise<void>;
}

const WORDS = 'family dinner report quarterly review notes planning budget meeting draft update summary figures team project week'.split(' ');

function documentHtml(): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < 400; i++) {
    const words = Array.from({ length: 60 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]);
    paragraphs.push(`<p id="p${i}">${words.join(' ')}.</p>`);
  }
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>(3) Quarterly notes</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <h1>Quarterly notes</h1>
    ${paragraphs.join('\n    ')}
    <footer id="words"></footer>
    <script src="/doc.js"></script>
  </body>
</html>
`;
}

// A small script, as most pages have: it reads the document once and writes a line.
const SCRIPT = `const words = [...document.querySelectorAll('p')].reduce((n, p) => n + p.textContent.split(' ').length, 0);
document.getElementById('words').textContent = words + ' words';
`;

export async function servePages(): Promise<BenchPages> {
  const html = documentHtml();
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = { 'cache-control': 'no-store' };
    if (path === '/doc.js') res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(SCRIPT);
    else if (path.startsWith('/doc')) res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    work: `http://127.0.0.1:${port}`,
    ordinary: `http://localhost:${port}`,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
