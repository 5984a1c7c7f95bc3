import { useLabels } from '../lib/labels';

const TONE: Record<string, string> = { loyal: 'good', regular: 'good', lost: 'bad' };

export function StageBadge({ stage }: { stage: string | null | undefined }) {
  const labels = useLabels();
  if (!stage) return <>—</>;
  return <span className={`badge ${TONE[stage] ?? ''}`}>{labels.stage(stage)}</span>;
}
