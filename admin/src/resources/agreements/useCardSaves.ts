import { useCallback, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useApiMutation } from '../../api/useApi';
import { parseMoney } from '../../i18n/formats';
import type { ApiError } from '../../providers/apiError';
import type { CellDraft } from './RateCardGrid';
import { cellKey, errorsByCell, planSave, rowKey, type CardRow, type CellEdit } from './rateCardModel';

const SAVE_RATE_CARD = `mutation SaveRateCard($agreementId: ID!, $add: [RateLineInput!], $update: [RateLineRowUpdate!], $remove: [RateLineRemoval!]) {
  saveRateCard(agreementId: $agreementId, add: $add, update: $update, remove: $remove) { id } }`;

type Drafts = Record<string, CellDraft>;

/**
 * Saves what is typed or pasted into a draft card: each change (a cell, or a pasted block) as
 * one all-or-nothing saveRateCard, one after another, each planned on the card as the one before
 * left it (`rowsNow` reads the card last loaded). Values the server or the money check refuses
 * stay in their cells with the message, and go again with the next change once corrected.
 */
export function useCardSaves(agreementId: string | undefined, effectiveFrom: string | undefined, rowsNow: () => CardRow[]) {
  const translate = useTranslate();
  const save = useApiMutation<unknown>(SAVE_RATE_CARD);
  const draftsRef = useRef<Drafts>({});
  const [drafts, setDraftsState] = useState<Drafts>({});
  const [problem, setProblem] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const setDrafts = useCallback((change: (d: Drafts) => Drafts) => {
    draftsRef.current = change(draftsRef.current);
    setDraftsState(draftsRef.current);
  }, []);

  const run = useCallback(
    async (edits: CellEdit[]) => {
      if (!agreementId || !effectiveFrom) return;
      const rows = rowsNow();
      const notSaved = translate('placewise.rateCard.notSaved');
      const draftOf = (e: CellEdit, state: CellDraft['state'], message?: string): CellDraft => ({
        row: rows.find((r) => r.key === rowKey(e.row)) ?? { ...e.row, key: rowKey(e.row), cells: {} },
        needLevel: e.needLevel,
        text: e.text,
        state,
        message,
      });
      // Cells refused before go again with the new ones: the card is saved as one.
      const fresh = new Set(edits.map((e) => cellKey(e.row, e.needLevel)));
      const pending = Object.entries(draftsRef.current)
        .filter(([key, d]) => d.state === 'error' && !fresh.has(key))
        .map(([, d]) => ({ row: d.row, needLevel: d.needLevel, text: d.text }));
      const all = [...pending, ...edits];
      const last = new Map(all.map((e) => [cellKey(e.row, e.needLevel), e]));
      const plan = planSave(rows, all, effectiveFrom, parseMoney, translate('placewise.grid.enterMoney'));
      const mark = (keys: Iterable<string>, state: CellDraft['state'], message: (key: string) => string | undefined) =>
        setDrafts((d) => ({ ...d, ...Object.fromEntries([...keys].map((key) => [key, draftOf(last.get(key)!, state, message(key))])) }));
      const drop = (keys: Iterable<string>) => {
        const gone = new Set(keys);
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([key, draft]) => !gone.has(key) || draft.text !== last.get(key)!.text)));
      };
      setProblem(null);
      if (Object.keys(plan.invalid).length) {
        // Nothing is sent: the new values wait, marked, with the earlier refusals as they were.
        mark([...last.keys()].filter((key) => fresh.has(key) || plan.invalid[key]), 'error', (key) => plan.invalid[key] ?? notSaved);
        return;
      }
      if (plan.changes === 0) return drop(last.keys());
      try {
        await save.mutateAsync({ agreementId, add: plan.save.add, update: plan.save.update, remove: plan.save.remove });
        drop(last.keys());
      } catch (e) {
        const error = e as ApiError;
        const { cells, other } = errorsByCell(plan.save, error.fieldErrors ?? []);
        setProblem(error.code === 'CONFLICT' ? translate('placewise.actions.conflict') : Object.keys(cells).length && !other.length ? null : [error.message, ...other].join(' · '));
        mark(last.keys(), 'error', (key) => cells[key] ?? notSaved);
      }
    },
    [agreementId, effectiveFrom, rowsNow, translate, save, setDrafts],
  );

  const onEdits = useCallback(
    (edits: CellEdit[]) => {
      const rows = rowsNow();
      setDrafts((d) => ({
        ...d,
        ...Object.fromEntries(edits.map((e) => [cellKey(e.row, e.needLevel), { row: rows.find((r) => r.key === rowKey(e.row))!, needLevel: e.needLevel, text: e.text, state: 'saving' as const }])),
      }));
      queue.current = queue.current.then(() => run(edits));
    },
    [rowsNow, setDrafts, run],
  );

  const discard = useCallback(() => {
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([, draft]) => draft.state === 'saving')));
    setProblem(null);
  }, [setDrafts]);

  return { drafts, problem, onEdits, discard };
}
