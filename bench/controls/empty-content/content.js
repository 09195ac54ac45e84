// A control for Hearth's benchmarks: an empty content script, injected at document_start
// into every frame of every page. What any extension with a content script costs a load.
