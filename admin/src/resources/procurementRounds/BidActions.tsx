import { useTranslate } from 'react-admin';
import { ActionDialog } from '../../actions/ActionDialog';
import type { Evaluation, Round } from './roundQuery';

const SUBMIT_BID = `mutation SubmitBid($roundId: ID!, $input: BidInput!) { submitBid(roundId: $roundId, input: $input) { id version } }`;
const SCORE_BID = `mutation ScoreBid($id: ID!, $version: Int!, $qualityMarks: [QualityMarkInput!]!) {
  scoreBid(id: $id, version: $version, qualityMarks: $qualityMarks) { id version qualityMarks { criterion points } }
}`;

/** The dialog's name for the n-th criterion of the matrix (criteria are free text, so not used as names). */
const markField = (index: number) => `mark${index}`;

/**
 * "Record bid" on an open round: a bid received from an invited provider that has not bid yet,
 * with its price (weekly fee, per journey or per hour, as the round buys) and notes. The API
 * refuses a provider not invited, a price of zero and a bid after the closing time.
 */
export function RecordBidButton({ round }: { round: Round }) {
  const translate = useTranslate();
  const bidders = new Set(round.evaluation.map((e) => e.bid.provider.id));
  const options = round.invitations.filter((i) => !bidders.has(i.provider.id)).map((i) => ({ value: i.provider.id, label: i.provider.legalName }));
  return (
    <ActionDialog
      label={translate('placewise.bids.record')}
      testId="record-bid"
      intro={translate('placewise.bids.recordIntro')}
      mutation={SUBMIT_BID}
      disabled={options.length === 0}
      fields={[
        { name: 'providerId', label: translate('placewise.bids.provider'), kind: 'select', required: true, initial: options[0]?.value ?? null, options },
        { name: 'amount', label: translate(`placewise.bids.amount.${round.category}`), kind: 'money', required: true },
        { name: 'notes', label: translate('placewise.bids.notes'), kind: 'multiline' },
      ]}
      done={translate('placewise.bids.recorded')}
      variables={(v) => ({ roundId: round.id, input: { providerId: v.providerId, amount: v.amount, notes: v.notes } })}
    />
  );
}

/**
 * "Score" on a bid's row: points for every criterion of the round's matrix, from 0 to its
 * maximum, sent with the bid's version. The evaluation table, read again, shows the quality
 * score and points the server computes from them.
 */
export function ScoreBidButton({ round, row }: { round: Round; row: Evaluation }) {
  const translate = useTranslate();
  const available = round.scoringMatrix.reduce((sum, c) => sum + c.maxPoints, 0);
  const given = new Map(row.bid.qualityMarks.map((m) => [m.criterion, m.points]));
  return (
    <ActionDialog
      label={translate(row.bid.qualityMarks.length ? 'placewise.bids.rescore' : 'placewise.bids.score')}
      title={translate('placewise.bids.scoreTitle', { provider: row.bid.provider.legalName })}
      testId={`score-bid-${row.bid.id}`}
      variant="text"
      intro={translate('placewise.bids.scoreIntro', { quality: round.qualityWeight, available })}
      mutation={SCORE_BID}
      fields={round.scoringMatrix.map((c, i) => ({
        name: markField(i),
        label: translate('placewise.bids.mark', { criterion: c.criterion, max: c.maxPoints }),
        kind: 'whole' as const,
        required: true,
        initial: given.has(c.criterion) ? String(given.get(c.criterion)) : null,
        helperText: translate('placewise.bids.markHelp', { max: c.maxPoints, available }),
      }))}
      // qualityMarks.N.points (and .criterion) belong to the N-th criterion's input.
      fieldFor={(field) => {
        const index = /^qualityMarks\.(\d+)\./.exec(field)?.[1];
        return index === undefined ? undefined : markField(Number(index));
      }}
      done={translate('placewise.bids.scored')}
      variables={(v) => ({
        id: row.bid.id,
        version: row.bid.version,
        qualityMarks: round.scoringMatrix.map((c, i) => ({ criterion: c.criterion, points: Number(v[markField(i)]) })),
      })}
    />
  );
}
