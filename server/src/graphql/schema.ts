import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AgreementResolver, RateLineResolver } from '../modules/agreement/agreement.resolver';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver';
import { MarketRateResolver } from '../modules/analytics/market-rate.resolver';
import { NegotiationProgressResolver } from '../modules/analytics/negotiation-progress.resolver';
import { ProviderSpendResolver } from '../modules/analytics/provider-spend.resolver';
import { SpendKeyResolver, SpendResolver } from '../modules/analytics/spend/spend.resolver';
import { ContractPipelineResolver, PipelineItemResolver } from '../modules/analytics/contract-pipeline.resolver';
import { HighCostPlacementResolver, ProviderUnitCostResolver } from '../modules/analytics/unit-costs-rows.resolver';
import { UnitCostsResolver } from '../modules/analytics/unit-costs.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { ChangeFeedResolver } from '../modules/change-feed/change-feed.resolver';
import { AuthorityResolver, LocalityResolver } from '../modules/authority/authority.resolver';
import { LocalityPopulationResolver } from '../modules/authority/locality-population.resolver';
import { IndicatorsResolver } from '../modules/analytics/indicators.resolver';
import { BudgetResolver } from '../modules/budget/budget.resolver';
import { ForecastResolver } from '../modules/budget/forecast.resolver';
import { InvoiceLineResolver, PlacementInvoiceLinesResolver } from '../modules/invoice/invoice-line.resolver';
import { InvoiceResolver } from '../modules/invoice/invoice.resolver';
import { ChildResolver } from '../modules/child/child.resolver';
import { BlockUtilisationResolver } from '../modules/placement/block-utilisation.resolver';
import { PlacementResolver } from '../modules/placement/placement.resolver';
import { ContractResolver } from '../modules/contract/contract.resolver';
import { ContractNegotiationsResolver, NegotiationResolver, RateLineNegotiationsResolver } from '../modules/negotiation/negotiation.resolver';
import { BidResolver, ProcurementInvitationResolver, ProcurementRoundResolver } from '../modules/procurement/procurement.resolver';
import { ProviderResolver } from '../modules/provider/provider.resolver';
import { SettingResolver } from '../modules/setting/setting.resolver';
import { ApiKeyResolver } from '../modules/user/api-key.resolver';
import { TrustedDocumentResolver } from '../modules/trusted-document/trusted-document.resolver';
import { UserResolver } from '../modules/user/user.resolver';
import { ContactArrangementResolver, ContactRateResolver, ContactSessionResolver, ContractContactResolver } from '../modules/contact/contact.resolver';
import { ContractTransportResolver, TransportJourneyResolver, TransportPriceScheduleResolver, TransportRouteResolver } from '../modules/transport/transport.resolver';
import { CareCostResolver } from '../modules/care-cost/care-cost.resolver';
import { authChecker } from './auth-checker';

/** Every module's resolvers: adding a module means adding it here. */
const RESOLVERS = [
  UserResolver,
  ApiKeyResolver,
  TrustedDocumentResolver,
  AuditResolver,
  ChangeFeedResolver,
  AuthorityResolver,
  LocalityResolver,
  LocalityPopulationResolver,
  ProviderResolver,
  SettingResolver,
  AgreementResolver,
  RateLineResolver,
  ContractResolver,
  NegotiationResolver,
  ContractNegotiationsResolver,
  RateLineNegotiationsResolver,
  ProcurementRoundResolver,
  ProcurementInvitationResolver,
  BidResolver,
  ChildResolver,
  PlacementResolver,
  BlockUtilisationResolver,
  InvoiceResolver,
  InvoiceLineResolver,
  PlacementInvoiceLinesResolver,
  BudgetResolver,
  ForecastResolver,
  AnalyticsResolver,
  IndicatorsResolver,
  MarketRateResolver,
  NegotiationProgressResolver,
  ProviderSpendResolver,
  SpendResolver,
  SpendKeyResolver,
  UnitCostsResolver,
  ProviderUnitCostResolver,
  HighCostPlacementResolver,
  ContractPipelineResolver,
  PipelineItemResolver,
  TransportRouteResolver,
  TransportJourneyResolver,
  TransportPriceScheduleResolver,
  ContractTransportResolver,
  ContactArrangementResolver,
  ContactSessionResolver,
  ContactRateResolver,
  ContractContactResolver,
  CareCostResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The one schema of the API, built once per process from the decorated classes. */
export function graphqlSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  return built;
}

/** The published contract: sorted so that the committed file changes only when the API does. */
export function printContract(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
