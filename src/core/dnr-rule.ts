/**
 * The part of declarativeNetRequest's Rule type this extension writes, typed here so that the
 * pure rule compiler (block-rules.ts) needs no browser types. Field names are the API's:
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-Rule
 */
export type DnrActionType = 'block' | 'allow' | 'allowAllRequests' | 'redirect';

/** Only the types named by rules here; everything else is covered through `excludedResourceTypes`. */
export type DnrResourceType = 'main_frame' | 'sub_frame';

export interface DnrCondition {
  requestDomains?: string[];
  excludedRequestDomains?: string[];
  initiatorDomains?: string[];
  regexFilter?: string;
  resourceTypes?: DnrResourceType[];
  excludedResourceTypes?: DnrResourceType[];
}

export interface DnrRule {
  id: number;
  priority: number;
  action: { type: DnrActionType; redirect?: { regexSubstitution: string } };
  condition: DnrCondition;
}
