import type { ResultImage } from '../../../api/image-result.ts';
import { acceptResultUrl } from '../../../api/result-url.ts';
import { useNow } from '../../../lib/use-now.ts';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A url result the browser could not download: its link, when it stops working, and why. */
export function RemoteImage({ image, index }: { image: ResultImage; index: number }) {
  const now = useNow(true, 30_000);
  const remote = image.remote;
  if (!remote) return null;
  const expired = now >= remote.expiresAt;
  // Only an http(s) link is ever clickable (the api layer refuses others; this holds anyway).
  const href = acceptResultUrl(remote.url);
  return (
    <figure className="result-tile result-tile--remote">
      <div
        className="result-tile__frame result-tile__frame--empty"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      >
        <div className="result-tile__remote">
          <p className="result-tile__remote-title">Image {index + 1}: link only</p>
          <p className="result-tile__remote-reason">{remote.reason}</p>
          {expired || !href ? (
            <p className="result-tile__remote-expiry">
              {href
                ? `The link expired at ${time(remote.expiresAt)}.`
                : 'The link is not an http or https address, so Easel does not open it.'}
            </p>
          ) : (
            <>
              <a
                className="button button--small"
                href={href}
                target="_blank"
                rel="noreferrer noopener"
              >
                Open image {index + 1}
              </a>
              <p className="result-tile__remote-expiry">Works until {time(remote.expiresAt)}.</p>
            </>
          )}
        </div>
      </div>
    </figure>
  );
}
