/**
 * The API's request and response types, for clients in TypeScript (the dashboard imports them
 * from here and nowhere else). Every type comes from the zod schema the route declares, so a
 * field renamed on the server fails the client's type check. Imports are type-only: nothing of
 * the server reaches a browser bundle through this file.
 *
 * Responses are the output side of their schema as JSON carries it (`Wire`); requests, query
 * strings and bodies alike, are the input side (defaults may be left out).
 */
import type { z } from 'zod';
import type { FieldError } from '../lib/errors';
import type * as cases from '../modules/cases/http/schemas';
import type * as caseDesk from '../modules/cases/http/schemas-desk';
import type * as customers from '../modules/customers/http/schemas';
import type { LatestScore } from '../modules/feedback/data/repo-customer';
import type * as feedback from '../modules/feedback/http/schemas';
import type * as basket from '../modules/loyalty/http/schemas-basket';
import type * as ledger from '../modules/loyalty/http/schemas-ledger';
import type * as offers from '../modules/loyalty/http/schemas-offers';
import type * as perks from '../modules/loyalty/http/schemas-perks';
import type * as referrals from '../modules/loyalty/http/schemas-referrals';
import type * as rewards from '../modules/loyalty/http/schemas-rewards';
import type * as tiers from '../modules/loyalty/http/schemas-tiers';
import type { Recommendation } from '../modules/loyalty/use-cases/recommendations';
import type {
  OfferProfileEntry,
  ReferralProfileSection,
} from '../modules/loyalty/use-cases/referral-extensions';
import type * as orgs from '../modules/orgs/http/schemas';
import type * as people from '../modules/people/http/schemas';
import type * as agents from '../modules/people/http/schemas-agents';
import type * as audits from '../modules/people/http/schemas-audits';
import type * as goodwill from '../modules/people/http/schemas-goodwill';
import type * as internalClients from '../modules/people/http/schemas-internal';
import type * as leaderboard from '../modules/people/http/schemas-leaderboard';
import type * as pulses from '../modules/people/http/schemas-pulses';
import type * as recognition from '../modules/people/http/schemas-recognition';
import type * as soco from '../modules/people/http/schemas-soco';
import type * as reports from '../modules/reports/http/schemas';
import type * as surveys from '../modules/surveys/http/schemas';
import type * as inbox from '../modules/surveys/http/schemas-inbox';
import type * as value from '../modules/value/http/schemas';
import type * as webhooks from '../modules/webhooks/http/schemas';
import type { zPage } from './pagination';

/** What JSON makes of a server value: dates travel as ISO strings; arrays and tuples keep their shape. */
export type Wire<T> = T extends Date
  ? string
  : T extends string | number | boolean | bigint | symbol | null | undefined
    ? T
    : T extends readonly unknown[]
      ? { [K in keyof T]: Wire<T[K]> }
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;

type Out<S extends z.ZodType> = Wire<z.output<S>>;
type In<S extends z.ZodType> = z.input<S>;

/** A list answer: one page of items and the cursor of the next (null on the last page). */
export type Page<T> = z.output<ReturnType<typeof zPage<z.ZodType<T>>>>;
/** A field named in a problem+json answer's `errors`. */
export type { FieldError };

// Organization, session, users, API keys
export type Me = Out<typeof orgs.ZMeResponseSchema>;
export type { Permission } from '../modules/orgs/domain/permissions';
export type LoginRequest = In<typeof orgs.ZLoginRequestSchema>;
export type Org = Out<typeof orgs.ZOrgSchema>;
export type FirstRunStatus = Out<typeof orgs.ZFirstRunStatusResponseSchema>;
export type FirstRunRequest = In<typeof orgs.ZFirstRunRequestSchema>;
export type UpdateOrgRequest = In<typeof orgs.ZUpdateOrgRequestSchema>;
export type Locale = NonNullable<UpdateOrgRequest['defaultLocale']>;
export type User = Out<typeof orgs.ZUserSchema>;
export type Role = User['role'];
export type CreateUserRequest = In<typeof orgs.ZCreateUserRequestSchema>;
export type CreateUserResponse = Out<typeof orgs.ZCreateUserResponseSchema>;
export type UpdateUserRequest = In<typeof orgs.ZUpdateUserRequestSchema>;
export type ApiKey = Out<typeof orgs.ZApiKeySchema>;
export type CreateApiKeyRequest = In<typeof orgs.ZCreateApiKeyRequestSchema>;
export type Scope = CreateApiKeyRequest['scopes'][number];
export type CreateApiKeyResponse = Out<typeof orgs.ZCreateApiKeyResponseSchema>;

// Customers, lifecycle, exchange rates
export type Customer = Out<typeof customers.ZCustomerSchema>;
export type CustomerListItem = Out<typeof customers.ZCustomerListItemSchema>;
export type Stage = Customer['lifecycleStage'];
export type Segment = NonNullable<Customer['segment']>;
export type ListCustomersQuery = In<typeof customers.ZListCustomersQuery>;
export type CustomerTimelineItem = Out<typeof customers.ZTimelineItem>;
export type LifecycleReport = Out<typeof customers.ZLifecycleResponseSchema>;
export type LifecycleQuery = In<typeof customers.ZLifecycleQuery>;
export type LifecycleMonths = Out<typeof customers.ZLifecycleMonthsResponseSchema>;
export type LifecycleMonthsQuery = In<typeof customers.ZLifecycleMonthsQuery>;
export type LifecycleSettings = Out<typeof customers.ZLifecycleSettingsSchema>;
export type UpdateLifecycleSettingsRequest = In<typeof customers.ZUpdateLifecycleSettingsRequestSchema>;
export type ExchangeRate = Out<typeof customers.ZRateSchema>;
export type SaveRatesRequest = In<typeof customers.ZSaveRatesRequestSchema>;

// Surveys and responses
export type Survey = Out<typeof surveys.ZSurveySchema>;
/** A survey as the list shows it: without questions, triggers and texts. */
export type SurveySummary = Out<typeof surveys.ZSurveyPageSchema>['items'][number];
export type Question = Survey['questions'][number];
export type QuestionType = Question['type'];
export type SurveyListQuery = In<typeof surveys.ZSurveyListQuery>;
export type CreateSurveyRequest = In<typeof surveys.ZCreateSurveyRequestSchema>;
export type UpdateSurveyRequest = In<typeof surveys.ZUpdateSurveyRequestSchema>;
export type SurveyResponse = Out<typeof surveys.ZResponseSchema>;
export type InboxItem = Out<typeof inbox.ZInboxItem>;
export type InboxQuery = In<typeof inbox.ZInboxQuery>;
export type ResponsesToCasesRequest = In<typeof inbox.ZResponsesToCasesRequestSchema>;
export type ResponsesToCases = Out<typeof inbox.ZResponsesToCasesResponseSchema>;
export type ResponseListQuery = In<typeof surveys.ZResponseListQuery>;
export type CreateInvitationsRequest = In<typeof surveys.ZCreateInvitationsRequestSchema>;
export type CreateInvitationsResponse = Out<typeof surveys.ZCreateInvitationsResponseSchema>;
export type CreateLinkRequest = In<typeof surveys.ZCreateLinkRequestSchema>;
export type CreateLinkResponse = Out<typeof surveys.ZCreateLinkResponseSchema>;
export type SurveySettings = Out<typeof surveys.ZSurveySettingsSchema>;
export type UpdateSurveySettingsRequest = In<typeof surveys.ZUpdateSurveySettingsRequestSchema>;
export type WidgetSetup = Out<typeof surveys.ZWidgetSetupSchema>;
export type SurveyInvitation = Out<typeof surveys.ZInvitationSchema>;
export type DeliveryStatus = Out<typeof surveys.ZDeliveryStatusSchema>;

// Feedback analytics
export type Metric = In<typeof feedback.ZMetricParams>['metric'];
export type FeedbackFilters = In<typeof feedback.ZFeedbackFilters>;
export type MetricQuery = In<typeof feedback.ZMetricQuerySchema>;
export type MetricAnswer = Out<typeof feedback.ZMetricResponseSchema>;
export type DriversQuery = In<typeof feedback.ZDriversQuerySchema>;
export type DriversAnswer = Out<typeof feedback.ZDriversResponseSchema>;
export type { Dimension } from '../modules/feedback/domain/dimensions';
export type TermsQuery = In<typeof feedback.ZTermsQuerySchema>;
export type TermsAnswer = Out<typeof feedback.ZTermsResponseSchema>;
export type TextTopicsQuery = In<typeof feedback.ZTextTopicsQuerySchema>;
export type TextTopicsAnswer = Out<typeof feedback.ZTextTopicsResponseSchema>;
export type AnalyticsSettings = Out<typeof feedback.ZSettingsSchema>;
export type UpdateAnalyticsSettingsRequest = In<typeof feedback.ZUpdateSettingsRequestSchema>;

// Cases: the closed loop
export type Case = Out<typeof cases.ZCaseSchema>;
export type CaseStatus = Case['status'];
export type Priority = Case['priority'];
export type CaseDetail = Out<typeof cases.ZCaseDetailSchema>;
export type ListCasesQuery = In<typeof cases.ZListCasesQuery>;
export type UpdateCaseRequest = In<typeof cases.ZUpdateCaseRequestSchema>;
export type AddNoteRequest = In<typeof cases.ZAddNoteRequestSchema>;
export type LoopQuery = In<typeof cases.ZLoopQuery>;
export type LoopMetrics = Out<typeof cases.ZLoopMetricsSchema>;
export type CaseSettings = Out<typeof cases.ZCaseSettingsSchema>;
export type UpdateCaseSettingsRequest = In<typeof cases.ZUpdateCaseSettingsRequestSchema>;
export type Weekday = keyof NonNullable<UpdateCaseSettingsRequest['workingHours']>;
export type CaseRule = Out<typeof cases.ZRuleSchema>;
/** A rule's conditions as they were accepted (the answer types them as any object). */
export type CaseRuleConditions = z.output<typeof cases.ZCreateRuleRequestSchema>['conditions'];
export type CreateCaseRuleRequest = In<typeof cases.ZCreateRuleRequestSchema>;
export type UpdateCaseRuleRequest = In<typeof cases.ZUpdateRuleRequestSchema>;
export type SlaPolicy = Out<typeof cases.ZSlaPolicySchema>;
export type CreateSlaPolicyRequest = In<typeof cases.ZCreateSlaPolicyRequestSchema>;
export type UpdateSlaPolicyRequest = In<typeof cases.ZUpdateSlaPolicyRequestSchema>;
export type CaseTeam = Out<typeof cases.ZTeamSchema>;
export type CreateCaseTeamRequest = In<typeof cases.ZCreateTeamRequestSchema>;
export type UpdateCaseTeamRequest = In<typeof cases.ZUpdateTeamRequestSchema>;
export type ReplyObstacle = NonNullable<CaseDetail['replyBlocked']>;
export type CaseAgent = Out<typeof caseDesk.ZAgentSchema>;
export type TeamName = Out<typeof caseDesk.ZTeamNameSchema>;
export type BulkCasesRequest = In<typeof caseDesk.ZBulkCasesRequestSchema>;
export type BulkCasesResponse = Out<typeof caseDesk.ZBulkCasesResponseSchema>;
export type CaseView = Out<typeof caseDesk.ZCaseViewSchema>;
export type CaseViewFilters = In<typeof caseDesk.ZViewFilters>;
export type CreateCaseViewRequest = In<typeof caseDesk.ZCreateCaseViewRequestSchema>;
export type CannedReply = Out<typeof caseDesk.ZCannedReplySchema>;
export type CreateCannedReplyRequest = In<typeof caseDesk.ZCreateCannedReplyRequestSchema>;
export type UpdateCannedReplyRequest = In<typeof caseDesk.ZUpdateCannedReplyRequestSchema>;

// Customer value
export type ValueReport = Out<typeof value.ZValueReportResponseSchema>;
export type ValueDistribution = Out<typeof value.ZDistributionResponseSchema>;
export type ListValuesQuery = In<typeof value.ZListValuesQuery>;
export type CustomerValue = Out<typeof value.ZListValuesResponseSchema>['items'][number];
export type FitRequest = In<typeof value.ZFitRequestSchema>;
export type FitStarted = Out<typeof value.ZFitStartedResponseSchema>;
export type ValueSettings = Out<typeof value.ZValueSettingsResponseSchema>;
export type SaveValueSettingsRequest = In<typeof value.ZValueSettingsSchema>;

// Webhooks
export type Webhook = Out<typeof webhooks.ZWebhookSchema>;
export type CreateWebhookRequest = In<typeof webhooks.ZCreateWebhookRequestSchema>;
export type WebhookEvent = CreateWebhookRequest['events'][number];
export type CreateWebhookResponse = Out<typeof webhooks.ZCreateWebhookResponseSchema>;
export type UpdateWebhookRequest = In<typeof webhooks.ZUpdateWebhookRequestSchema>;

/**
 * The profile: the customer with scores and history, and the sections other modules add. The
 * schema lets sections through unchecked; these are the shapes those modules give them, each
 * absent when its module is not installed.
 */
export type CustomerProfile = Out<typeof customers.ZProfileSchema> & {
  /** The value module's latest score (null until scored). */
  value?: Out<typeof value.ZCustomerValueSchema> | null;
  /** The closed loop's open cases of the customer. */
  openCases?: Pick<Case, 'id' | 'title' | 'status' | 'priority' | 'nextDueAt' | 'createdAt'>[];
  /** Feedback: the latest answer per metric. */
  latestFeedback?: Partial<Record<Metric, Wire<LatestScore>>>;
  /** People: the latest goodwill gestures granted the customer. */
  goodwill?: Pick<GoodwillGrant, 'id' | 'caseId' | 'kind' | 'amountMinor' | 'grantedAt'>[];
  /** Loyalty: the customer's tier, what they qualified with and what is missing to the next, and its history. */
  loyaltyTier?:
    | (TierProgress & {
        history: {
          id: string;
          fromCode: string | null;
          toCode: string | null;
          direction: 'up' | 'down';
          changedAt: string;
        }[];
      })
    | null;
  /** Loyalty: the customer's latest redemptions. */
  loyaltyRedemptions?: Pick<
    Redemption,
    'id' | 'rewardId' | 'rewardName' | 'points' | 'status' | 'redeemedAt' | 'cancelledAt' | 'cancelReason'
  >[];
  /** Loyalty: items recommended from basket rules, each with its rule. */
  basketRecommendations?: BasketRecommendation[];
  /** Loyalty: the customer's referral code, the referrals they made and the one that brought them. */
  referrals?: Wire<ReferralProfileSection>;
  /** Loyalty: the latest offers shown (or held out), and whether each was taken. */
  offers?: Wire<OfferProfileEntry>[];
  /** Loyalty: the latest perks the customer got. */
  perks?: { perkId: string; code: string; name: string; grantedAt: string }[];
};

// Scheduled reports
export type ReportSubscription = Out<typeof reports.ZSubscriptionSchema>;
export type ReportFrequency = ReportSubscription['frequency'];

// People: the organization's structure
export type Location = Out<typeof people.ZLocationSchema>;
export type CreateLocationRequest = In<typeof people.ZCreateLocationRequestSchema>;
export type UpdateLocationRequest = In<typeof people.ZUpdateLocationRequestSchema>;
export type LocationLeaderboard = Out<typeof leaderboard.ZLeaderboardResponseSchema>;
export type LocationLeaderboardQuery = In<typeof leaderboard.ZLeaderboardQuerySchema>;
export type Department = Out<typeof people.ZDepartmentSchema>;
export type AuditChecklist = Out<typeof audits.ZAuditChecklistSchema>;
export type CreateAuditChecklistRequest = In<typeof audits.ZCreateAuditChecklistRequestSchema>;
export type AuditVisit = Out<typeof audits.ZAuditVisitSchema>;
export type AuditVisitDetail = Out<typeof audits.ZAuditVisitDetailSchema>;
export type CreateAuditVisitRequest = In<typeof audits.ZCreateAuditVisitRequestSchema>;
export type ShopperLink = Out<typeof audits.ZShopperLinkResponseSchema>;
export type AuditTrends = Out<typeof audits.ZAuditTrendSchema>;
export type Team = Out<typeof people.ZTeamSchema>;
export type CreateTeamRequest = In<typeof people.ZCreateTeamRequestSchema>;
export type Employee = Out<typeof people.ZEmployeeSchema>;
export type CreateEmployeeRequest = In<typeof people.ZCreateEmployeeRequestSchema>;
export type UpdateEmployeeRequest = In<typeof people.ZUpdateEmployeeRequestSchema>;
export type EmployeeBatchResponse = Out<typeof people.ZEmployeeBatchResponseSchema>;

// Internal clients: departments rating each other
export type UpdateDepartmentRequest = In<typeof people.ZDepartmentRequestSchema>;
export type CreateInternalRoundRequest = In<typeof internalClients.ZCreateInternalRoundRequestSchema>;
export type CreatedInternalRound = Out<typeof internalClients.ZCreateInternalRoundResponseSchema>;
export type InternalRound = Out<typeof internalClients.ZInternalRoundsResponseSchema>['items'][number];
export type InternalMatrix = Out<typeof internalClients.ZInternalMatrixResponseSchema>;
export type InternalMatrixQuery = In<typeof internalClients.ZInternalMatrixQuerySchema>;
export type FeedbackTopic = Out<typeof feedback.ZTopicSchema>;

// eNPS pulses: anonymous by construction
export type EnpsReport = Out<typeof pulses.ZEnpsReportSchema>;
export type PulseSettings = Out<typeof pulses.ZPulseSettingsSchema>;
export type UpdatePulseSettingsRequest = In<typeof pulses.ZUpdatePulseSettingsRequestSchema>;
export type SendPulseRequest = In<typeof pulses.ZSendPulseRequestSchema>;
export type SentPulse = Out<typeof pulses.ZSendPulseResponseSchema>;
export type PulseRound = Out<typeof pulses.ZPulseRoundsResponseSchema>['items'][number];

// SOCO and training
export type SocoInstrument = Out<typeof soco.ZSocoInstrumentSchema>;
export type SocoAssessmentRequest = In<typeof soco.ZSocoAssessmentRequestSchema>;
export type SocoAssessment = Out<typeof soco.ZSocoAssessmentSchema>;
export type SocoEmployeeResults = Out<typeof soco.ZSocoEmployeeResultsSchema>;
export type SocoTeamResults = Out<typeof soco.ZSocoTeamResultsSchema>;
export type SocoAggregate = SocoTeamResults['byRater'][number];
export type SocoDimension = keyof SocoAggregate['dimensions'];
export type SocoRater = SocoAggregate['raterKind'];
export type SocoCustomerLinkRequest = In<typeof soco.ZSocoCustomerLinkRequestSchema>;
export type SocoCustomerLink = Out<typeof soco.ZSocoCustomerLinkSchema>;
export type TrainingCourse = Out<typeof soco.ZCourseSchema>;
export type TrainingSkill = TrainingCourse['builds'];
export type CreateTrainingCourseRequest = In<typeof soco.ZCreateCourseRequestSchema>;
export type TrainingRequirement = Out<typeof soco.ZRequirementSchema>;
export type TrainingRequirementRequest = In<typeof soco.ZRequirementRequestSchema>;
export type TrainingCompletion = Out<typeof soco.ZCompletionSchema>;
export type TrainingCompletionRequest = In<typeof soco.ZCompletionRequestSchema>;
export type EmployeeTraining = Out<typeof soco.ZEmployeeTrainingSchema>;
export type TrainingCompletionImport = Out<typeof soco.ZCompletionImportSchema>;
export type TrainingMatrix = Out<typeof soco.ZTrainingMatrixSchema>;
export type TrainingGaps = Out<typeof soco.ZTrainingGapsSchema>;

// Goodwill
export type GoodwillBudget = Out<typeof goodwill.ZBudgetSchema>;
export type CreateGoodwillBudgetRequest = In<typeof goodwill.ZCreateBudgetRequestSchema>;
export type UpdateGoodwillBudgetRequest = In<typeof goodwill.ZUpdateBudgetRequestSchema>;
export type GoodwillGrant = Out<typeof goodwill.ZGrantSchema>;
export type GoodwillGrantRequest = In<typeof goodwill.ZGrantRequestSchema>;

// Recognition
export type Praise = Out<typeof recognition.ZPraiseSchema>;
export type PraiseFeedQuery = In<typeof recognition.ZFeedQuery>;

// The agent view
export type AgentScorecards = Out<typeof agents.ZScorecardsSchema>;
export type AgentScorecardsQuery = In<typeof agents.ZAgentQuery>;

// Loyalty: the points ledger
export type LoyaltyProgram = Out<typeof ledger.ZProgramSchema>;
export type LoyaltyProgramPatch = In<typeof ledger.ZProgramPatchSchema>;
export type EarnRule = Out<typeof ledger.ZEarnRuleSchema>;
export type CreateEarnRuleRequest = In<typeof ledger.ZCreateEarnRuleRequestSchema>;
export type UpdateEarnRuleRequest = In<typeof ledger.ZUpdateEarnRuleRequestSchema>;
export type CustomerPoints = Out<typeof ledger.ZPointsResponseSchema>;
export type PointsAdjustmentRequest = In<typeof ledger.ZAdjustmentRequestSchema>;
export type PointsAdjustment = Out<typeof ledger.ZAdjustmentResponseSchema>;
export type PointsLiability = Out<typeof ledger.ZLiabilitySchema>;
export type LedgerInvariantCheck = Out<typeof ledger.ZInvariantCheckSchema>;

// Loyalty: tiers and rewards
export type LoyaltyTier = Out<typeof tiers.ZTierSchema>;
export type CreateLoyaltyTierRequest = In<typeof tiers.ZCreateTierRequestSchema>;
export type UpdateLoyaltyTierRequest = In<typeof tiers.ZUpdateTierRequestSchema>;
export type LoyaltyTierSettings = Out<typeof tiers.ZTierSettingsSchema>;
export type TierProgress = Out<typeof tiers.ZTierProgressSchema>;
export type LoyaltyReward = Out<typeof rewards.ZRewardSchema>;
export type CreateLoyaltyRewardRequest = In<typeof rewards.ZCreateRewardRequestSchema>;
export type UpdateLoyaltyRewardRequest = In<typeof rewards.ZUpdateRewardRequestSchema>;
export type Redemption = Out<typeof rewards.ZRedemptionSchema>;
export type RedeemRequest = In<typeof rewards.ZRedeemRequestSchema>;

// Basket rules
export type BasketRule = Out<typeof basket.ZBasketRuleSchema>;
export type BasketRun = Out<typeof basket.ZBasketRunSchema>;
export type BasketSettings = Out<typeof basket.ZBasketSettingsSchema>;
export type MineBasketRulesResponse = Out<typeof basket.ZMineBasketRulesResponseSchema>;
export type BasketRecommendation = Wire<Recommendation>;

// Loyalty: referrals and offers
export type Referral = Out<typeof referrals.ZReferralSchema>;
export type ReferralList = Out<typeof referrals.ZReferralListResponseSchema>;
export type CustomerReferral = Out<typeof referrals.ZCustomerReferralResponseSchema>;
export type ReferralSettings = Out<typeof referrals.ZReferralSettingsSchema>;
export type Offer = Out<typeof offers.ZOfferSchema>;
export type CreateOfferRequest = In<typeof offers.ZCreateOfferRequestSchema>;
export type OfferResults = Out<typeof offers.ZOfferResultsSchema>;
export type CustomerOffers = Out<typeof offers.ZCustomerOffersResponseSchema>;

// Loyalty: perks and whether each is worth it
export type Perk = Out<typeof perks.ZPerkSchema>;
export type CreatePerkRequest = In<typeof perks.ZCreatePerkRequestSchema>;
export type PerkWorth = Out<typeof perks.ZPerkWorthSchema>;
export type PerkAssessment = NonNullable<PerkWorth['result']>;
