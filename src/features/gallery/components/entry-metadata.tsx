import type { ImageUsage } from '../../../api/image-usage.ts';
import { formatUsd } from '../../../api/image-cost.ts';
import { entryCost } from '../entries/cost-totals.ts';
import { formatBytes } from '../archive/bytes.ts';
import {
  FORMAT_LABEL,
  formatDateTime,
  formatDuration,
  KIND_LABEL,
  modelLabel,
} from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

const PROVIDER_KIND: Record<string, string> = {
  local: 'local engine',
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  compatible: 'OpenAI-compatible',
};

/** "Work Azure (Azure OpenAI)", but just "Local engine" where the kind says the same. */
function providerText(name: string, kind: string): string {
  const kindLabel = PROVIDER_KIND[kind] ?? kind;
  return name.toLowerCase() === kindLabel.toLowerCase() ? name : `${name} (${kindLabel})`;
}

function usageText(usage: ImageUsage): string {
  const details = usage.input_tokens_details;
  const input = details
    ? `${usage.input_tokens} in (text ${details.text_tokens}, image ${details.image_tokens})`
    : `${usage.input_tokens} in`;
  return `${input} · ${usage.output_tokens} out · ${usage.total_tokens} total`;
}

/**
 * Everything recorded about an image. All of it is rendered as React text nodes: a prompt
 * or an imported manifest can contain markup, and it must show as the characters it is.
 */
export function EntryMetadata({ entry }: { entry: GalleryEntry }) {
  // An upload was made by no request: no model, provider, time taken or parameters.
  const upload = entry.kind === 'upload';
  const params = upload ? [] : Object.entries(entry.params).filter(([name]) => name !== 'prompt');
  const cost = entryCost(entry);
  return (
    <section className="entry-detail__section" aria-labelledby="detail-about">
      <h3 id="detail-about" className="entry-detail__heading">
        About this image
      </h3>
      <dl className="entry-meta">
        {entry.prompt && (
          <div className="entry-meta__row entry-meta__row--block">
            <dt>Prompt</dt>
            <dd className="entry-meta__prompt">{entry.prompt}</dd>
          </div>
        )}
        {entry.revisedPrompt && (
          <div className="entry-meta__row entry-meta__row--block">
            <dt>Revised prompt</dt>
            <dd className="entry-meta__prompt">{entry.revisedPrompt}</dd>
          </div>
        )}
        <div className="entry-meta__row">
          <dt>Kind</dt>
          <dd>{KIND_LABEL[entry.kind]}</dd>
        </div>
        {upload ? (
          <div className="entry-meta__row">
            <dt>File</dt>
            <dd>{entry.fileName ?? 'Uploaded image'}</dd>
          </div>
        ) : (
          <>
            <div className="entry-meta__row">
              <dt>Model</dt>
              {/* The display name; the id the request named is in the tooltip and the settings. */}
              <dd title={entry.model}>{modelLabel(entry.model)}</dd>
            </div>
            <div className="entry-meta__row">
              <dt>Provider</dt>
              <dd>{providerText(entry.provider.name, entry.provider.kind)}</dd>
            </div>
          </>
        )}
        <div className="entry-meta__row">
          <dt>Created</dt>
          <dd>{formatDateTime(entry.createdAt)}</dd>
        </div>
        {!upload && (
          <div className="entry-meta__row">
            <dt>Took</dt>
            <dd>{formatDuration(entry.durationMs)}</dd>
          </div>
        )}
        <div className="entry-meta__row">
          <dt>Image</dt>
          <dd>
            {entry.width} × {entry.height}
            {entry.remote
              ? ' · link only'
              : ` · ${FORMAT_LABEL[entry.mime] ?? entry.mime} · ${formatBytes(entry.byteLength)}`}
          </dd>
        </div>
        {cost !== null && (
          <div className="entry-meta__row">
            <dt>Cost</dt>
            <dd>
              {entry.provider.kind === 'local'
                ? `Would cost ${formatUsd(cost)} on OpenAI`
                : formatUsd(cost)}
            </dd>
          </div>
        )}
        {entry.usage && (
          <div className="entry-meta__row">
            <dt>Tokens</dt>
            <dd>{usageText(entry.usage)}</dd>
          </div>
        )}
      </dl>
      {params.length > 0 && (
        <>
          <h4 className="entry-detail__subheading">Request parameters</h4>
          <dl className="entry-meta entry-meta--params">
            {params.map(([name, value]) => (
              <div className="entry-meta__row" key={name}>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>
                  <code>{String(value)}</code>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
