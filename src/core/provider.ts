/**
 * Domain types of the risk database, in the shape people edit under src/data (docs/data.md).
 * src/core/database/validate-database.ts checks files against these types at build time, and
 * src/core/database/compile-database.ts turns them into the lookup structure the extension ships.
 */
import type { RiskLevel } from './risk-level.ts';

/** ISO 3166-1 alpha-2 code, upper case (`CN`, `US`, `FR`). */
export type CountryCode = string;

/** Where a statement in the database comes from, and when a person last checked it. */
export interface Source {
  url: string;
  /** ISO date `YYYY-MM-DD`. */
  reviewed: string;
}

export interface Company {
  name: string;
  country: CountryCode;
  note?: string;
  source: Source;
}

/** A company of the group that serves users in one region (a Singapore subsidiary, an EU entity). */
export interface RegionalEntity extends Company {
  /** Which users it serves, in words: "users outside mainland China". */
  serves: string;
}

export interface DataLocations {
  countries: CountryCode[];
  note?: string;
  source: Source;
}

/**
 * The plan a training statement is about: many providers train on consumer chats but not on
 * business/enterprise accounts or on API traffic, and say so separately.
 */
export const TRAINING_TIERS = ['consumer', 'business', 'api'] as const;
export type TrainingTier = (typeof TRAINING_TIERS)[number];

/** Training use on one plan of the product. */
export interface TierTraining {
  tier: TrainingTier;
  /** Are user inputs used to train models unless the user opts out? */
  byDefault: boolean;
  /**
   * Set (true) only where the cited source says users can turn training off themselves (a
   * setting, a toggle, a stated right to opt out); absent when the source does not say.
   * Meaningful only with `byDefault: true` (validate-provider.ts).
   */
  optOut?: boolean;
  note?: string;
  source: Source;
}

/**
 * Training use as the product's users meet it: the top statement is about the plan they are on
 * (`tier`, when the source names one); `otherTiers` holds what the provider states for its other
 * plans of the same product (ChatGPT Business, the API), shown beside it.
 */
export interface TrainingUse extends Omit<TierTraining, 'tier'> {
  tier?: TrainingTier;
  otherTiers?: TierTraining[];
}

/** How long what users send is kept, where the provider states it. */
export interface Retention {
  /** In words: "API inputs kept up to 30 days for abuse monitoring, then deleted". */
  note: string;
  /** One clear number of days, when the source gives one. */
  days?: number;
  source: Source;
}

/** The operator is itself the top company: no company owns it (founders or investors do). */
export interface NoParent {
  note?: string;
  source: Source;
}

/** Facts searched for and not found: `notFound` records what was read, so the next person starts from there. It says what we could read, not that the provider never publishes it. */
export const SEARCHABLE_FACTS = ['parent', 'dataLocations', 'trainsOnInputs', 'retention', 'privacyPolicy', 'terms'] as const;
export type SearchableFact = (typeof SEARCHABLE_FACTS)[number];

export interface NotFound {
  field: SearchableFact;
  /** What was read without finding it: "its privacy policy (URL) names no storage country". */
  searched: string;
  /** ISO date `YYYY-MM-DD` of the search. */
  reviewed: string;
}

export const HOST_ROLES = ['chat', 'api', 'widget', 'auth', 'asset', 'site'] as const;
export type HostRole = (typeof HOST_ROLES)[number];

export interface ProductHost {
  /** Host pattern: matches this host and every subdomain; `*` stands for one label. */
  host: string;
  role: HostRole;
  source: Source;
}

/** Facts a product may state for itself when another entity of the group runs it. */
export interface OperatingFacts {
  operator?: Company;
  /** The ultimate parent company (top of the chain); `noParent` states there is none. */
  parent?: Company;
  noParent?: NoParent;
  regionalEntities?: RegionalEntity[];
  dataLocations?: DataLocations;
  trainsOnInputs?: TrainingUse;
  retention?: Retention;
  privacyPolicy?: Source;
  terms?: Source;
}

export interface Product extends OperatingFacts {
  id: string;
  name: string;
  hosts: ProductHost[];
  /** Page globals or DOM markers that show the product is embedded where a host alone does not tell. */
  markers?: ProductMarker[];
}

export const MARKER_KINDS = ['global', 'selector'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * `global`: a property the widget's snippet defines on `window` (checked without reading it);
 * `selector`: a CSS selector of an element only the widget puts in the page.
 */
export interface ProductMarker {
  kind: MarkerKind;
  value: string;
  source: Source;
}

export interface ModelFamily {
  id: string;
  name: string;
  /** Lower-case model-name patterns; a trailing `*` matches any rest (`deepseek-*`). */
  patterns: string[];
  /** Lower-case organisation names resellers and Hugging Face put before the model name. */
  namespaces?: string[];
  openWeights: boolean;
  source: Source;
}

export const ROUTING_FORMATS = ['vendor/model', 'org/model', 'model', 'bedrock', 'vertex-path', 'deployment', 'bot'] as const;
export type RoutingFormat = (typeof ROUTING_FORMATS)[number];

/**
 * Whether a reseller may send a request naming an open-weight model to the model builder's own
 * service (OpenRouter lists DeepSeek's API among the providers of `deepseek/deepseek-chat`), or
 * serves such models on its own or other hosts' infrastructure only (docs/data.md).
 */
export interface BuilderRouting {
  mayReachBuilder: boolean;
  note?: string;
  source: Source;
}

/** How an aggregator's requests name the upstream model (docs/data.md). */
export interface Routing {
  format: RoutingFormat;
  example: string;
  source: Source;
}

export const PROVIDER_KINDS = ['developer', 'aggregator', 'cloud', 'app', 'widget'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Facts a not-yet-verified provider still lacks (docs/data.md, "Recognised before verified"). */
export const UNVERIFIED_FACTS = ['operator', 'country', 'parent'] as const;
export type UnverifiedFact = (typeof UNVERIFIED_FACTS)[number];

/**
 * A provider whose AI hosts are sourced but whose operator, its country or its parent is not
 * confirmed yet: recognised, blockable and reported, rated `unknown`, never with a guessed country.
 */
export interface Unverified {
  missing: UnverifiedFact[];
  /** What is missing and what was tried, for the next reviewer. */
  note: string;
  /** ISO date `YYYY-MM-DD` of the last attempt. */
  reviewed: string;
}

export interface Provider extends Omit<OperatingFacts, 'operator'> {
  id: string;
  name: string;
  kinds: ProviderKind[];
  /** Absent only on a not-yet-verified provider (`unverified` says so). */
  operator?: Company;
  unverified?: Unverified;
  products: Product[];
  models?: ModelFamily[];
  routing?: Routing;
  /** Resellers and model hosts: may a request for an open-weight model reach its builder's own service? */
  builderRouting?: BuilderRouting;
  /** Facts searched for and not found stated, with what was read (docs/data.md, completeness). */
  notFound?: NotFound[];
  /** Set on providers an organization's policy adds (`extraProviders`); data files cannot set it. */
  addedBy?: 'organization';
}

export interface Jurisdiction {
  country: CountryCode;
  level: Exclude<RiskLevel, 'unknown'>;
  /** One sentence a user reads: why this country gets this level. */
  reason: string;
  /** The reason in other languages (docs/data.md, "Text in Chinese"). */
  reasons?: Translations;
  /** IDs of laws (src/data/laws) that decide state access and transfers here. */
  laws: string[];
  euAdequacy?: { status: 'full' | 'partial' | 'none'; note?: string; source: Source };
  source: Source;
  /** Set when an organization's policy replaced the level (`countryLevels`); data files cannot set it. */
  ratedBy?: 'organization';
}

/**
 * What a law does with a user's data, by its own text (docs/data.md), which orders the laws list:
 * `state-access` lets authorities obtain, intercept or demand data (or compels a company's
 * cooperation with them) — a law that does this and more is `state-access`; `state-rules` gives the
 * state power over the service without a data-access article of its own (content rules, a local
 * presence, security offences); `data-protection` protects personal data or governs its transfer.
 */
export const LAW_KINDS = ['state-access', 'state-rules', 'data-protection'] as const;
export type LawKind = (typeof LAW_KINDS)[number];

/** The interface languages other than English that database text is written in. */
export const TEXT_LOCALES = ['zh_CN'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];
/** A text in other languages than the English one beside it: `{ "zh_CN": "…" }`. */
export type Translations = Partial<Record<TextLocale, string>>;

export interface LawArticle {
  ref: string;
  /** The reference in other languages where it is not a plain "Art. N" (第二十八条（2017年文本）). */
  refs?: Translations;
  gist: string;
  gists?: Translations;
}

export interface Law {
  id: string;
  /** A country code, or `EU` for law of the European Union. */
  area: string;
  name: string;
  officialName?: string;
  /**
   * The name in other languages where it is in common official use (GDPR: 通用数据保护条例);
   * a law whose official name is already in that language does not repeat it.
   */
  names?: Translations;
  year: number;
  kind: LawKind;
  articles: LawArticle[];
  summary: string;
  summaries?: Translations;
  source: Source;
  /** The official text in the law's own language (flk.npc.gov.cn for a PRC law), from which its Chinese words come. */
  officialText?: Source;
}

/** The database as people wrote it, after validation. */
export interface RiskDatabaseSource {
  providers: Provider[];
  jurisdictions: Jurisdiction[];
  laws: Law[];
}
