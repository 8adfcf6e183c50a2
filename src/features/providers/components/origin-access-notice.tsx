import type { OriginAccess } from '../connection/origin-access.ts';
import { reloadToAllow } from '../connection/origin-access.ts';

interface OriginAccessNoticeProps {
  access: Exclude<OriginAccess, { state: 'allowed' }>;
  /** A key typed in this session that is not remembered: it does not survive the reload. */
  keyWillBeLost: boolean;
}

/**
 * Why Easel must reload before it can talk to a new provider address, and the button that
 * does it.
 */
export function OriginAccessNotice({ access, keyWillBeLost }: OriginAccessNoticeProps) {
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
        These settings are kept and open again after the reload.
        {keyWillBeLost
          ? ' Your API key is not remembered on this device: type it again afterwards.'
          : ''}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => reloadToAllow(access.origin)}
      >
        Reload to allow {access.host}
      </button>
    </div>
  );
}
