import type { TFunction } from 'i18next';
import { humanize } from '../../../src/lib/humanize';

export { humanize };

/** Names configured by the organization, keyed by code (root causes: the case settings). */
type OrgNames = { rootCauses: ReadonlyMap<string, string> };

/**
 * The one place that turns a code of the API into words of the user's language: enumerations
 * through the catalogues, languages through `Intl.DisplayNames`, codes the organization defines
 * (touchpoints, tiers, root causes, attribute keys) through their configured names, else humanized.
 */
export function makeLabels(t: TFunction, locale: string, names: OrgNames) {
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  /** A catalogue entry of `section`, else the humanized code. */
  const known = (section: string) => (code: string | null | undefined) =>
    code == null || code === '' ? '—' : t(`${section}.${code}`, { defaultValue: humanize(code) });
  const labels = {
    stage: known('stages'),
    segment: known('segments'),
    caseStatus: known('caseStatus'),
    caseEvent: known('caseEvents'),
    priority: known('priorities'),
    metric: known('metrics'),
    dimension: known('dimensions'),
    role: known('roles'),
    scope: known('scopes'),
    surveyStatus: known('surveyStatus'),
    audience: known('audiences'),
    questionType: known('questionTypes'),
    eventType: known('events'),
    skipReason: known('skipReasons'),
    channel: known('channels'),
    tier: known('tiers'),
    attributeKey: known('attributes'),
    touchpoint: (code: string | null | undefined) => (code ? humanize(code) : '—'),
    rootCause: (code: string | null | undefined) =>
      code ? (names.rootCauses.get(code) ?? humanize(code)) : '—',
    /** A language code (`pl`, `pt-BR`, `und`) named in the user's language. */
    language: (code: string | null | undefined) => {
      if (!code || code === 'und') return t('common.unknownLanguage');
      try {
        return languages.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
  /** A group of a feedback breakdown (`groupBy`, drivers), by the dimension it belongs to. */
  const groupOf: Record<string, (code: string) => string> = {
    lifecycleStage: labels.stage,
    segment: labels.segment,
    tier: labels.tier,
    channel: labels.channel,
    touchpoint: labels.touchpoint,
    locale: labels.language,
  };
  return {
    ...labels,
    group: (dimension: string, code: string | null | undefined) =>
      code == null ? t('common.none') : (groupOf[dimension]?.(code) ?? code),
  };
}

export type Labels = ReturnType<typeof makeLabels>;
