/**
 * Requests the browser makes itself for a page, which never meet declarativeNetRequest's block
 * rules (issue 16): FedCM fetches the identity provider's well-known file and config
 * (`navigator.credentials.get({identity})`), a `PaymentRequest` fetches the manifest of each
 * URL payment method as soon as it is constructed, and WebRTC connects to the ICE (STUN/TURN)
 * servers a page lists. A page can put data in those URLs and reach a blocked host. When one
 * names a host blocked everywhere (blocked-hosts.ts), the hook answers as the browser does when
 * that host cannot be reached:
 * - FedCM: `get()` rejects with `NetworkError: Error retrieving a token.`, Chrome's own error
 *   for an identity provider whose config cannot be fetched;
 * - PaymentRequest: the blocked methods are left out (no manifest is fetched); with none left,
 *   `canMakePayment()` is false and `show()` fails, as for a method whose manifest is missing;
 * - WebRTC: the blocked servers are left out of the configuration (no candidates from them, as
 *   for a server that cannot be reached).
 * With nothing blocked (the usual case) every call goes straight on, unread. Only own data
 * properties are read (dataProp), so no page getter runs twice.
 */
import { FEDCM_FAILURE } from '../../core/browser-traffic/fedcm-error.ts';
import { iceServerHost } from '../../core/browser-traffic/ice-server-host.ts';
import { isBlockedHost, nothingBlocked } from './blocked-hosts.ts';
import { disguised, replaceConstructor, replaceValue } from './disguise.ts';
import { apply, construct, dataProp, parseUrl, withFirst, withoutFrame } from './natives.ts';

const DOMExceptionCtor = globalThis.DOMException;
const PromiseReject = Promise.reject.bind(Promise) as (reason: unknown) => Promise<never>;
const isArray = Array.isArray;

/** Items of a page array, read as own data properties (a page's getters and prototypes are skipped). */
function itemsOf(list: unknown): unknown[] {
  if (!isArray(list)) return [];
  const length = dataProp(list, 'length');
  const items: unknown[] = [];
  if (typeof length !== 'number') return items;
  for (let i = 0; i < length && i < 64; i++) items[items.length] = dataProp(list, String(i));
  return items;
}

const blockedUrl = (url: unknown) => {
  if (typeof url !== 'string') return false;
  const u = parseUrl(url, undefined);
  return u !== undefined && (u.protocol === 'https:' || u.protocol === 'http:') && isBlockedHost(u.hostname);
};

function hookFedCm(): void {
  const proto = globalThis.CredentialsContainer?.prototype;
  if (!proto || typeof proto.get !== 'function') return;
  const handler: ProxyHandler<CredentialsContainer['get']> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      try {
        if (!nothingBlocked()) {
          const providers = itemsOf(dataProp(dataProp(args[0], 'identity'), 'providers'));
                for (let i = 0; i < providers.length; i++) {
            const provider = providers[i];
            if (blockedUrl(dataProp(provider, 'configURL'))) return PromiseReject(construct(DOMExceptionCtor, [FEDCM_FAILURE.message, FEDCM_FAILURE.name]));
          }
        }
      } catch {
        // Never into the page: the call goes on as without the hook.
      }
      try {
        return apply(target, thisArg, args);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  replaceValue(proto, 'get', disguised(proto.get, handler));
}

/** Method data without the entries whose URL method is on a blocked host; undefined if none is. */
function allowedMethods(methodData: unknown): unknown[] | undefined {
  const items = itemsOf(methodData);
  let kept: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    if (blockedUrl(dataProp(items[i], 'supportedMethods'))) {
      if (!kept) {
        kept = [];
        for (let j = 0; j < i; j++) kept[j] = items[j];
      }
    } else if (kept) {
      kept[kept.length] = items[i];
    }
  }
  return kept;
}

/**
 * The call's arguments with the first one as `rewrite` makes it (undefined: unchanged). With
 * nothing blocked, or if reading the page's objects fails, the page's own arguments go on.
 */
function rewritten(args: unknown[], rewrite: (first: unknown) => unknown): unknown[] {
  if (nothingBlocked()) return args;
  try {
    const first = rewrite(args[0]);
    return first === undefined ? args : withFirst(args, first);
  } catch {
    return args;
  }
}

/** Wraps the global constructor `name` so that it is constructed with its first argument rewritten. */
function hookConstructorArgument(name: string, rewrite: (first: unknown) => unknown): (new (...args: unknown[]) => object) | undefined {
  const handler: ProxyHandler<new (...args: unknown[]) => object> = {
    construct(target, args: unknown[], newTarget: Function) {
      const use = rewritten(args, rewrite);
      try {
        return construct(target, use, newTarget);
      } catch (error) {
        throw withoutFrame(error, handler.construct!);
      }
    },
  };
  return replaceConstructor(name, handler);
}

/** Wraps `proto[key]` so that it is called with its first argument rewritten. */
function hookMethodArgument(proto: object, key: string, rewrite: (first: unknown) => unknown): void {
  const original = (proto as Record<string, unknown>)[key];
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<(...args: unknown[]) => unknown> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      const use = rewritten(args, rewrite);
      try {
        return apply(target, thisArg, use);
      } catch (error) {
        throw withoutFrame(error, handler.apply!);
      }
    },
  };
  replaceValue(proto, key, disguised(original as (...args: unknown[]) => unknown, handler));
}

// A request with only blocked methods keeps one that names no host, so it is constructed as
// before but finds no payment app: canMakePayment() is false.
const NO_METHOD = 'https://payment-method.invalid/';

function hookPaymentRequest(): void {
  hookConstructorArgument('PaymentRequest', (methodData) => {
    const kept = allowedMethods(methodData);
    return kept && (kept.length ? kept : [{ supportedMethods: NO_METHOD }]);
  });
}

/** A configuration without the ICE server URLs on blocked hosts; undefined if it names none. */
function allowedConfig(config: unknown): unknown {
  const servers = itemsOf(dataProp(config, 'iceServers'));
  let changed = false;
  const kept: unknown[] = [];
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i];
    const urls = dataProp(server, 'urls');
    const list = typeof urls === 'string' ? [urls] : itemsOf(urls);
    const allowed: unknown[] = [];
    for (let j = 0; j < list.length; j++) {
      const u = list[j];
      const host = typeof u === 'string' ? iceServerHost(u) : undefined;
      if (!(host !== undefined && isBlockedHost(host))) allowed[allowed.length] = u;
    }
    if (allowed.length === list.length) {
      kept[kept.length] = server;
      continue;
    }
    changed = true;
    if (allowed.length) kept[kept.length] = { ...(server as object), urls: allowed };
  }
  return changed ? { ...(config as object), iceServers: kept } : undefined;
}

function hookRtc(): void {
  const proto = hookConstructorArgument('RTCPeerConnection', allowedConfig)?.prototype;
  if (proto) hookMethodArgument(proto, 'setConfiguration', allowedConfig);
}

export function hookBrowserTraffic(): void {
  hookFedCm();
  hookPaymentRequest();
  hookRtc();
}
