// A control for Hearth's benchmarks: a service worker that registers nothing and does
// nothing, so it starts once and then idles out. What any extension with a worker costs.
