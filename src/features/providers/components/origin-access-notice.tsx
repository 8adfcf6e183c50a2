import type { OriginAccess } from '../connection/origin-access.ts';
import { reloadToAllow, type CarriedKeys } from '../connection/origin-access.ts';
import { useProviderStore } from '../provider-store.ts';

interface OriginAccessNoticeProps {
  access: Exclude<OriginAccess, { state: 'allowed' }>;
}

/** Keys typed in this session and not remembered, to carry across the reload. */
function unrememberedKeys(): CarriedKeys {
  const state = useProviderStore.getState();
  const keys: CarriedKeys = {};
  for (const kind of ['openai', 'azure', 'compatible'] as const) {
    const { apiKey, rememberKey } = state[kind];
    if (apiKey.trim() && !rememberKey) keys[kind] = apiKey;
  }
  return keys;
}

/**
 * Why Easel must reload before it can talk to a new provider address, and the button that
 * does it.
 */
export function OriginAccessNotice({ access }: OriginAccessNoticeProps) {
  if (access.state === 'unsupported') {
    return (
      <div className="callout callout--danger origin-notice">
        <p className="callout__title">Easel cannot connect to {access.host}.</p>
        <p>
          Easel allows connections only to the addresses of the providers you set up, and browsers
          cannot allow an IPv6 address that way. Use the server’s host name instead (for example
          localhost).
        </p>
      </div>
    );
  }
  return (
    <div className="callout callout--info origin-notice">
      <p className="callout__title">Easel reloads to connect to {access.host}.</p>
      <p>
        Easel connects only to the providers you set up, and allows a new one when the page loads.
        These settings (and any key you typed) are kept and open again after the reload.
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => reloadToAllow(access.origin, unrememberedKeys())}
      >
        Reload to allow {access.host}
      </button>
    </div>
  );
}
