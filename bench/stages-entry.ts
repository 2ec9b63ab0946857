export { parseFeed } from '../src/core/feeds/parse.js';
export { normalise } from '../src/core/feeds/normalise.js';
export { openStore } from '../src/core/store/open-store.js';
export { prepareArticle } from '../src/core/store/prepare.js';
export { packHtml } from '../src/core/store/prepare.js';
export { normaliseWithText } from '../src/core/feeds/normalise.js';
export { parseAndPrepare } from '../src/core/feeds/prepare-feed.js';
export { cleanHtmlParts, htmlToPlainText, cleanHtml } from '../src/core/html.js';
