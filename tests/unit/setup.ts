// IndexedDB for the history repository's unit tests.
import 'fake-indexeddb/auto';
