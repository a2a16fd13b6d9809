import { render } from 'preact';
import { QuoteCheckView } from '../../components/QuoteCheckView';
import { claimBundle, DATASET } from '../../utils/claim-bundle';
import { checkQuote } from '../../utils/quote-check';
import { minScoreOf } from '../../utils/settings';
import { copyText, installPageStyles, pageLocale } from '../../utils/extension/page-ui';
import { readQuoteRequest } from '../../utils/extension/quote-request';
import { loadSettings } from '../../utils/extension/settings-store';
import { loadLocalClaims } from '../../utils/extension/storage';

async function main() {
  installPageStyles();
  const [settings, local, text] = await Promise.all([loadSettings(), loadLocalClaims(DATASET).catch(() => []), readQuoteRequest()]);
  const locale = pageLocale(settings);
  document.title = locale.t('quoteTitle');
  const bundle = claimBundle(local);
  const results = checkQuote(text, bundle.indexes, minScoreOf(settings))
    .map((result) => ({ claim: bundle.claims.get(result.claimId)!, result }))
    .filter((r) => r.claim !== undefined);
  render(
    <QuoteCheckView locale={locale} text={text} results={results} sources={bundle.sources} incidents={bundle.incidents} onCopy={copyText} />,
    document.getElementById('app')!,
  );
}

void main();
