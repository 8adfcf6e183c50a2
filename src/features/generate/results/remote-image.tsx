import type { ResultImage } from '../../../api/image-result.ts';
import { useNow } from '../hooks/use-now.ts';

const time = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** A url result the browser could not download: its link, when it stops working, and why. */
export function RemoteImage({ image, index }: { image: ResultImage; index: number }) {
  const now = useNow(true, 30_000);
  const remote = image.remote;
  if (!remote) return null;
  const expired = now >= remote.expiresAt;
  return (
    <figure className="result-tile result-tile--remote">
      <div
        className="result-tile__frame result-tile__frame--empty"
        style={{ aspectRatio: `${image.width} / ${image.height}` }}
      >
        <div className="result-tile__remote">
          <p className="result-tile__remote-title">Image {index + 1}: link only</p>
          <p className="result-tile__remote-reason">{remote.reason}</p>
          {expired ? (
            <p className="result-tile__remote-expiry">
              The link expired at {time(remote.expiresAt)}.
            </p>
          ) : (
            <>
              <a
                className="button button--small"
                href={remote.url}
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
