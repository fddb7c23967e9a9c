import { Agreement } from '../modules/agreement/agreement.entity';
import { RateLine } from '../modules/agreement/rate-line.entity';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { Authority } from '../modules/authority/authority.entity';
import { Locality } from '../modules/authority/locality.entity';
import { LocalityPopulation } from '../modules/authority/locality-population.entity';
import { BudgetLine } from '../modules/budget/budget.entity';
import { Invoice, InvoiceLine } from '../modules/invoice/invoice.entity';
import { Child } from '../modules/child/child.entity';
import { AdditionalService, Placement, PlacementFee } from '../modules/placement/placement.entity';
import { Contract } from '../modules/contract/contract.entity';
import { Negotiation, NegotiationOffer } from '../modules/negotiation/negotiation.entity';
import { Bid, ProcurementInvitation, ProcurementRound } from '../modules/procurement/procurement.entity';
import { Provider } from '../modules/provider/provider.entity';
import { Setting } from '../modules/setting/setting.entity';
import { SystemSecret } from '../modules/user/system-secret.entity';
import { ApiKey } from '../modules/user/api-key.entity';
import { User } from '../modules/user/user.entity';
import { TransportPriceSchedule } from '../modules/transport/price-schedule.entity';
import { TransportRoute, TransportRouteChild } from '../modules/transport/route.entity';
import { TransportJourney } from '../modules/transport/journey.entity';
import { ContactArrangement, ContactRate, ContactSession } from '../modules/contact/contact.entity';
import { PlacementCostMonth, PlacementCostMonthBand, ServiceCostMonth, SpendDirty, SpendSummaryState } from '../modules/analytics/spend/spend-summary.entity';
import { TrustedDocument, TrustedDocumentsOnlyKey } from '../modules/trusted-document/trusted-document.entity';

/** Every table the migrations create: the drift test compares the two. */
export const ENTITIES = [User, ApiKey, SystemSecret, AuditEvent, Authority, Locality, LocalityPopulation, Provider, Setting, Agreement, RateLine, Contract, Negotiation, NegotiationOffer, ProcurementRound, ProcurementInvitation, Bid, Child, Placement, PlacementFee, AdditionalService, Invoice, InvoiceLine, BudgetLine, TransportPriceSchedule, TransportRoute, TransportRouteChild, TransportJourney, ContactRate, ContactArrangement, ContactSession, PlacementCostMonth, PlacementCostMonthBand, ServiceCostMonth, SpendDirty, SpendSummaryState, TrustedDocument, TrustedDocumentsOnlyKey];
