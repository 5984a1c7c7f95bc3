import { useTranslation } from 'react-i18next';

const TONE: Record<string, string> = { loyal: 'good', regular: 'good', lost: 'bad' };

export function StageBadge({ stage }: { stage: string | null | undefined }) {
  const { t } = useTranslation();
  if (!stage) return <>—</>;
  return <span className={`badge ${TONE[stage] ?? ''}`}>{t(`stages.${stage}`)}</span>;
}
