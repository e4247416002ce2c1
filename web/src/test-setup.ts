// Vitest's setup for the web app's tests: IndexedDB in memory, a clean DOM after each test.
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
