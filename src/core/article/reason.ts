import type { Messages } from '../i18n/messages.js';
import type { PageError } from './page.js';

/** The one-line reason a page failed, in the language of `m` (both tables carry every code). */
export function pageErrorText(m: Messages, e: PageError): string {
  switch (e.code) {
    case 'http':
      return m.pageErrHttp(e.status ?? 0);
    case 'too-large':
      return m.pageErrTooLarge;
    case 'timeout':
      return m.pageErrTimeout;
    case 'network':
      return m.pageErrNetwork;
    case 'refused':
      return m.pageErrRefused;
    case 'not-html':
      return m.pageErrNotHtml;
    case 'no-article':
      return m.pageErrNoArticle;
    case 'too-complex':
      return m.pageErrTooComplex;
    case 'extract-timeout':
      return m.pageErrExtractTimeout;
    case 'no-link':
      return m.pageErrNoLink;
    case 'no-page':
      return m.pageErrNoPage;
    case 'no-host':
      return m.pageErrNoHost;
    case 'tls':
      return m.pageErrTls;
    case 'proxy':
      return m.pageErrProxy;
    case 'incomplete':
      return m.pageErrIncomplete;
    case 'bad-answer':
      return m.pageErrBadAnswer;
    case 'redirect':
      return m.pageErrRedirect;
  }
}
