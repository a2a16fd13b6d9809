import type { WhyLabels } from '../utils/engine/index';
import type { Translate } from '../utils/i18n';

/** The engine's "why" line labels in the interface language. `lead` defaults to "marked because:". */
export function whyLabels(t: Translate, lead = t('whyLead')): WhyLabels {
  return {
    lead,
    hint: t('whyHint'),
    places: {
      'same-sentence': t('whySameSentence'),
      'same-block': t('whySameBlock'),
      nearby: t('whyNearby'),
      headline: t('whyHeadline'),
      page: t('whyPage'),
    },
  };
}
