// Vitest set-up: the app loads one language's catalogue on demand; the unit tests read both.
import { loadCatalogue } from './i18n';

await Promise.all([loadCatalogue('en'), loadCatalogue('zh-CN')]);
