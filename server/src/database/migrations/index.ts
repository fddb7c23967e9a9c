import { NaturalSortCollation1795432400000 } from './1795432400000-NaturalSortCollation';
import { Initial1795432763072 } from './1795432763072-Initial';
import { AuditAppendOnly1795432763073 } from './1795432763073-AuditAppendOnly';
import { CommissioningCore1795434417217 } from './1795434417217-CommissioningCore';
import { Procurement1795434754239 } from './1795434754239-Procurement';
import { ChildrenAndPlacements1795435139603 } from './1795435139603-ChildrenAndPlacements';
import { InvoicesAndBudgets1795435400202 } from './1795435400202-InvoicesAndBudgets';
import { PlacementReference1795435647244 } from './1795435647244-PlacementReference';
import { ApiKeys1795436879136 } from './1795436879136-ApiKeys';
import { TransportAndContact1795439911417 } from './1795439911417-TransportAndContact';
import { InvoiceLineDisputes1795443599340 } from './1795443599340-InvoiceLineDisputes';
import { LocalityPopulation1796409743280 } from './1796409743280-LocalityPopulation';
import { SpendSummary1796411228908 } from './1796411228908-SpendSummary';
import { InvoiceLineFromDate1796412386819 } from './1796412386819-InvoiceLineFromDate';
import { ServiceKeysAndSessions1796419151084 } from './1796419151084-ServiceKeysAndSessions';
import { IdempotencyKeys1796419311882 } from './1796419311882-IdempotencyKeys';
import { SpendSummaryBands1796420199517 } from './1796420199517-SpendSummaryBands';
import { ChangeFeed1796422279327 } from './1796422279327-ChangeFeed';
import { TrustedDocuments1796423683425 } from './1796423683425-TrustedDocuments';

/** The migrations, in order. Generate the next with `npm run migration:generate -- Name`, review it, add it here. */
export const MIGRATIONS: Function[] = [NaturalSortCollation1795432400000, Initial1795432763072, AuditAppendOnly1795432763073, CommissioningCore1795434417217, Procurement1795434754239, ChildrenAndPlacements1795435139603, InvoicesAndBudgets1795435400202, PlacementReference1795435647244, ApiKeys1795436879136, TransportAndContact1795439911417, InvoiceLineDisputes1795443599340, LocalityPopulation1796409743280, SpendSummary1796411228908, InvoiceLineFromDate1796412386819, ServiceKeysAndSessions1796419151084, IdempotencyKeys1796419311882, SpendSummaryBands1796420199517, ChangeFeed1796422279327, TrustedDocuments1796423683425];
