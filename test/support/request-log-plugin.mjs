// Records every request each test page makes, so tests can assert that nothing leaves the test
// server, and fails the whole run if anything did.
const external = [];
const byPage = new WeakMap();
let lastPage;

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export function recordRequests(page) {
  byPage.set(page, []);
  lastPage = page;
  page.on('request', (request) => {
    const url = request.url();
    byPage.get(page).push(url);
    if (!isLocal(url)) external.push(url);
  });
}

export function requestLogPlugin() {
  return {
    name: 'request-log',
    async executeCommand({ command, session }) {
      if (command !== 'request-log') return undefined;
      const page = session.browser.getPage?.(session.id) ?? lastPage;
      return (byPage.get(page) ?? []).filter((url) => !url.startsWith('data:'));
    },
    serverStop() {
      if (external.length > 0) {
        console.error(`\nRequests left the test server (${external.length}):\n  ${external.slice(0, 20).join('\n  ')}`);
        process.exitCode = 1;
      }
    },
  };
}
