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
import { disguised, replaceValue } from './disguise.ts';
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

function hookPaymentRequest(): void {
  const original = (globalThis as { PaymentRequest?: new (...args: unknown[]) => object }).PaymentRequest;
  if (typeof original !== 'function') return;
  const handler: ProxyHandler<new (...args: unknown[]) => object> = {
    construct(target, args: unknown[], newTarget: Function) {
      let use = args;
      try {
        if (!nothingBlocked()) {
          const kept = allowedMethods(args[0]);
          // A request with only blocked methods keeps one that names no host, so it is
          // constructed as before but finds no payment app: canMakePayment() is false.
          if (kept) use = withFirst(args, kept.length ? kept : [{ supportedMethods: 'https://payment-method.invalid/' }]);
        }
      } catch {
        use = args;
      }
      try {
        return construct(target, use, newTarget);
      } catch (error) {
        throw withoutFrame(error, handler.construct!);
      }
    },
  };
  const wrapper = disguised(original, handler);
  replaceValue(globalThis, 'PaymentRequest', wrapper);
  const proto = (original as { prototype?: object }).prototype;
  if (proto) replaceValue(proto, 'constructor', wrapper);
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
  const original = (globalThis as { RTCPeerConnection?: new (...args: unknown[]) => RTCPeerConnection }).RTCPeerConnection;
  if (typeof original !== 'function') return;
  const ctorHandler: ProxyHandler<new (...args: unknown[]) => RTCPeerConnection> = {
    construct(target, args: unknown[], newTarget: Function) {
      let use = args;
      try {
        const config = nothingBlocked() ? undefined : allowedConfig(args[0]);
        if (config) use = withFirst(args, config);
      } catch {
        use = args;
      }
      try {
        return construct(target, use, newTarget);
      } catch (error) {
        throw withoutFrame(error, ctorHandler.construct!);
      }
    },
  };
  const wrapper = disguised(original, ctorHandler);
  replaceValue(globalThis, 'RTCPeerConnection', wrapper);
  const proto = original.prototype as RTCPeerConnection | undefined;
  if (!proto) return;
  replaceValue(proto, 'constructor', wrapper);
  if (typeof proto.setConfiguration !== 'function') return;
  const setHandler: ProxyHandler<RTCPeerConnection['setConfiguration']> = {
    apply(target, thisArg: unknown, args: unknown[]) {
      let use = args;
      try {
        const config = nothingBlocked() ? undefined : allowedConfig(args[0]);
        if (config) use = withFirst(args, config);
      } catch {
        use = args;
      }
      try {
        return apply(target, thisArg, use);
      } catch (error) {
        throw withoutFrame(error, setHandler.apply!);
      }
    },
  };
  replaceValue(proto, 'setConfiguration', disguised(proto.setConfiguration, setHandler));
}

export function hookBrowserTraffic(): void {
  hookFedCm();
  hookPaymentRequest();
  hookRtc();
}
