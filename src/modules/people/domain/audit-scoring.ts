// Service audits: the components of service quality, the checklist items, and the weighted score.

/** Service (availability, guarantees, quality), aesthetic (premises, appearance, related services), ethical (attitude, manners, skills). */
export const AUDIT_COMPONENTS = ['service', 'aesthetic', 'ethical'] as const;
export type AuditComponent = (typeof AUDIT_COMPONENTS)[number];
export const AUDIT_RESULTS = ['pass', 'fail', 'na'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export type AuditItem = {
  id: string;
  component: AuditComponent;
  /** The item's text per language ({"en": "…", "pl": "…"}). */
  text: Partial<Record<'en' | 'pl' | 'cs' | 'ru', string>>;
  weight: number;
  /** A failed critical item fails the visit whatever its score. */
  critical: boolean;
};

export type ComponentScores = Partial<Record<AuditComponent, number | null>>;

export type AuditScore = {
  /** 0–100 over the applicable items, weighted; null when no item applies. */
  score: number | null;
  components: Record<AuditComponent, number | null>;
  failed: boolean;
  failedCritical: string[];
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The weighted score: passed weight over applicable weight (pass + fail), per component and over
 * all; "not applicable" and unanswered items count for nothing. A failed critical item fails the visit.
 */
export function scoreVisit(
  items: readonly AuditItem[],
  results: Record<string, AuditResult | undefined>,
): AuditScore {
  const sums = (list: readonly AuditItem[]) => {
    let passed = 0;
    let applicable = 0;
    for (const item of list) {
      const r = results[item.id];
      if (r === 'pass') passed += item.weight;
      if (r === 'pass' || r === 'fail') applicable += item.weight;
    }
    return applicable > 0 ? round2((100 * passed) / applicable) : null;
  };
  const components = Object.fromEntries(
    AUDIT_COMPONENTS.map((c) => [c, sums(items.filter((i) => i.component === c))]),
  ) as Record<AuditComponent, number | null>;
  const failedCritical = items.filter((i) => i.critical && results[i.id] === 'fail').map((i) => i.id);
  return { score: sums(items), components, failed: failedCritical.length > 0, failedCritical };
}

/** An item's text in a language, else English, else any. */
export const itemText = (item: AuditItem, locale: string) =>
  item.text[locale as 'en'] ?? item.text.en ?? Object.values(item.text)[0] ?? item.id;
