// Registered only for set-aside work sites during family time (and lifted for a
// way through): a page of one that starts loading stops at once, before any of its
// scripts run, and says so; the worker then opens Hearth's calm page in the tab.
// Done here rather than by a network rule, because a rule can only send a page to
// an extension page that every web page could reach too (see docs/trust.md).
type Api = typeof chrome;
const api: Api = (globalThis as { browser?: Api }).browser ?? chrome;

if (window.top === window) {
  window.stop();
  // A page stopped before its icon link: without one the browser would go on to ask the
  // site for /favicon.ico on its own. A blank icon ends it here.
  const icon = document.createElement('link');
  icon.rel = 'icon';
  icon.href = 'data:,';
  document.documentElement?.append(icon);
  api.runtime.sendMessage({ type: 'setAside' }).then(
    // Family time ended, or a way through opened, just now: the page loads after all.
    (answer: { stay?: boolean } | undefined) => answer?.stay && location.reload(),
    () => undefined,
  );
}
