import { Alert } from '@mui/material';
import type { EnumOption } from '../../providers/schemaModel';
import type { CellDraft } from './RateCardGrid';

/** The refused cells of a rate card grid, each named by its row and need level with its message, so none has to be hovered over to be read. */
export function CellErrors({ drafts, needLevels, testId }: { drafts: Record<string, CellDraft>; needLevels: EnumOption[]; testId: string }) {
  const errors = Object.values(drafts).filter((d) => d.state === 'error');
  if (!errors.length) return null;
  const needName = (code: string) => needLevels.find((n) => n.value === code)?.description.split(':')[0] ?? code;
  return (
    <Alert severity="warning" data-testid={testId}>
      {errors.map((d) => `${d.row.placementType} ${d.row.minAge}–${d.row.maxAge} · ${needName(d.needLevel)}: ${d.message}`).join(' · ')}
    </Alert>
  );
}
