import { codeText, type AnalyticsColumn } from '../columns';

export interface PipelineRow {
  recordType: 'CONTRACT' | 'AGREEMENT';
  id: string;
  reference: string;
  title: string;
  providerId: string;
  provider: { legalName: string };
  contractKind: string | null;
  endDate: string | null;
  reviewDate: string | null;
  dueFor: string;
  dueDate: string;
  daysLeft: number;
  annualValue: string | null;
  annualValueBasis: string | null;
  placements: number;
  spendAtStake: string;
}

type T = (key: string) => string;
const L = (t: T, key: string) => t(`placewise.contractPipeline.col.${key}`);

/** The pipeline table: sortable columns carry the API's order field. */
export const pipelineColumns = (t: T): AnalyticsColumn<PipelineRow>[] => [
  {
    key: 'reference',
    label: L(t, 'reference'),
    kind: 'text',
    sortField: 'reference',
    value: (r) => r.reference,
    link: (r) => `/${r.recordType === 'CONTRACT' ? 'contracts' : 'agreements'}/${r.id}/show`,
  },
  { key: 'recordType', label: L(t, 'recordType'), kind: 'text', minWidth: 140, sortField: 'recordType', value: (r) => (r.contractKind ? `${codeText(r.recordType, '')} · ${codeText(r.contractKind, '')}` : codeText(r.recordType, '')) },
  { key: 'title', label: L(t, 'title'), kind: 'text', minWidth: 240, sortField: 'title', value: (r) => r.title },
  { key: 'provider', label: L(t, 'provider'), kind: 'text', minWidth: 200, sortField: 'provider', value: (r) => r.provider.legalName },
  { key: 'dueFor', label: L(t, 'dueFor'), kind: 'text', value: (r) => t(`placewise.contractPipeline.due.${r.dueFor}`) },
  { key: 'dueDate', label: L(t, 'dueDate'), kind: 'date', sortField: 'dueDate', value: (r) => r.dueDate },
  { key: 'daysLeft', label: L(t, 'daysLeft'), kind: 'count', value: (r) => r.daysLeft },
  { key: 'endDate', label: L(t, 'endDate'), kind: 'date', sortField: 'endDate', value: (r) => r.endDate },
  { key: 'reviewDate', label: L(t, 'reviewDate'), kind: 'date', sortField: 'reviewDate', value: (r) => r.reviewDate },
  { key: 'annualValue', label: L(t, 'annualValue'), kind: 'money', sortField: 'annualValue', value: (r) => r.annualValue },
  { key: 'annualValueBasis', label: L(t, 'annualValueBasis'), kind: 'text', value: (r) => (r.annualValueBasis ? t(`placewise.contractPipeline.basis.${r.annualValueBasis}`) : '') },
  { key: 'placements', label: L(t, 'placements'), kind: 'count', sortField: 'placements', value: (r) => r.placements },
  { key: 'spendAtStake', label: L(t, 'spendAtStake'), kind: 'money', sortField: 'spendAtStake', value: (r) => r.spendAtStake },
];
