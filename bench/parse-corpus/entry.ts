// Bundled by bench/parse-corpus/run.mjs: the parser under test, its date reader, the text views the
// comparison uses (the same ones the reader shows), and feedsmith on its own for the side-by-side column.
export { parseFeed } from '../../src/core/feeds/parse.js';
export { parseDate } from '../../src/core/feeds/dates.js';
export { htmlToLine, htmlToPlainText } from '../../src/core/html.js';
export { parseFeed as feedsmithParseFeed } from 'feedsmith';
