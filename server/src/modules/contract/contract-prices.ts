import type { EntityManager } from 'typeorm';
import { describePeriod, overlapping, type EffectivePeriod } from '../../common/effective-period';
import { isUuid } from '../../common/versioned-update';
import { ContractKind } from './contract-codes';
import { Contract } from './contract.entity';

type At = (field: string, message: string) => void;

/** The contract a price or a service hangs on, checked to be of the kind it needs. */
export async function contractOfKind(tx: EntityManager, contractId: string, kind: ContractKind, at: At, field = 'contractId'): Promise<Contract | null> {
  if (!isUuid(contractId)) {
    at(field, 'is not a valid id (a UUID)');
    return null;
  }
  const contract = await tx.findOneBy(Contract, { id: contractId });
  if (!contract) at(field, 'no contract has this id');
  else if (contract.kind !== kind) at(field, `is a ${contract.kind} contract; this needs a ${kind} contract`);
  return contract;
}

/**
 * The period rules every dated price of a contract keeps (transport schedules, contact rates):
 * it ends after it starts, starts inside the contract, and shares no day with another price
 * for the same thing (`others`, described by `what`).
 */
export function checkPricePeriod<T extends EffectivePeriod & { id?: string }>(period: EffectivePeriod, contract: Contract | null, others: readonly T[], what: (other: T) => string, at: At, exceptId?: string): void {
  if (period.effectiveTo !== null && period.effectiveTo < period.effectiveFrom) return at('effectiveTo', 'must not be before effectiveFrom');
  if (contract && period.effectiveFrom < contract.startDate) return at('effectiveFrom', `is before the contract starts (${contract.startDate})`);
  const clash = overlapping(others, period, exceptId);
  if (clash) at('effectiveFrom', `overlaps ${what(clash)} from ${describePeriod(clash)}; end that one first`);
}
