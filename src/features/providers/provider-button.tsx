import { useActiveProvider } from './provider-store.ts';
import { openProviderSettings } from './provider-dialog-store.ts';
import { originAccess } from './connection/origin-access.ts';
import { useFailedConnectionTest } from './connection-test-store.ts';
import { reachabilityKey, useReachability } from './reachability-store.ts';
import './provider-button.css';

/** Which provider requests go to, and the way to change it. */
export function ProviderButton() {
  const provider = useActiveProvider();
  // OpenAI and Azure always need a key; a compatible server may run without one.
  const needsKey =
    (provider.kind === 'openai' || provider.kind === 'azure') && provider.apiKey.trim() === '';
  // Set up in this session but not yet allowed by the page's policy (reload in the dialog).
  const blocked = originAccess(provider).state !== 'allowed';
  // A request or background check found no server there (checks go on until it answers).
  const reachability = useReachability(reachabilityKey(provider));
  const unreachable = reachability === 'unreachable';
  // "Test connection" failed for the settings as they are (a refused key, no connection…),
  // unless it found no server and the server has answered since.
  const failed = useFailedConnectionTest(provider);
  const failedTest =
    failed && !(failed.unreachable && reachability === 'reachable') ? failed.label : null;
  const warn = needsKey || blocked || unreachable || failedTest !== null;
  return (
    <button type="button" className="provider-button" onClick={openProviderSettings}>
      <span
        className={`provider-button__dot provider-button__dot--${warn ? 'warning' : 'ok'}`}
        aria-hidden="true"
      />
      <span className="provider-button__text">
        <span className="provider-button__name">{provider.name}</span>
        <span className="provider-button__detail">
          {blocked
            ? 'Reload needed to connect'
            : failedTest
              ? failedTest
              : unreachable
                ? 'Can’t reach the server'
                : needsKey
                  ? 'API key needed'
                  : provider.kind === 'local'
                    ? 'On this computer, no internet needed'
                    : provider.apiKey.trim()
                      ? 'Key set'
                      : 'No key'}
        </span>
      </span>
      <span className="provider-button__action">Change provider</span>
    </button>
  );
}
