import { useContext, useId } from 'react';
import type { OperationRules } from '../../../api/model-types.ts';
import type { DraftSettings } from '../settings/draft-settings.ts';
import { SegmentedField, type Choice } from '../../../lib/ui/segmented-field.tsx';
import { SizeField } from './size-field.tsx';
import { SelectField } from '../../../lib/ui/select-field.tsx';
import { SliderField } from '../../../lib/ui/slider-field.tsx';
import { Switch } from '../../../lib/ui/switch.tsx';
import { FieldErrorsContext } from '../../../lib/ui/field-errors.ts';
import { FieldNotesContext } from '../../../lib/ui/field-notes.ts';
import { MoreSettings } from './more-settings.tsx';

const LABELS: Record<string, string> = {
  auto: 'Auto',
  standard: 'Standard',
  hd: 'HD',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  xhigh: 'X-High',
  max: 'Max',
  vivid: 'Vivid',
  natural: 'Natural',
  png: 'PNG',
  jpeg: 'JPEG',
  webp: 'WebP',
  transparent: 'Transparent',
  opaque: 'Opaque',
};

const choices = <T extends string>(values: readonly T[]): Choice<T>[] =>
  values.map((value) => ({ value, label: LABELS[value] ?? value }));

function backgroundHint(modelLabel: string, rules: OperationRules, background: string) {
  if (background !== 'transparent') return undefined;
  const preview = rules.previewBackgrounds?.includes('transparent')
    ? ` Transparent backgrounds are still a preview on ${modelLabel}: edges may come out rough.`
    : '';
  const carriers = (rules.transparentFormats ?? []).map((f) => LABELS[f] ?? f).join(' or ');
  return `Transparency needs ${carriers} output.${preview}`;
}

function qualityHint(quality: string): string | undefined {
  if (quality === 'xhigh') return 'Above high: finer detail, more output tokens.';
  if (quality === 'max') return 'The most detail; the slowest and most expensive tier.';
  return undefined;
}

/** Labels of the settings folded under "More settings". */
const ADVANCED_LABELS = [
  'Input fidelity',
  'Moderation',
  'Stream partial images',
  'Partial images',
  'User',
];

interface SettingsFormProps {
  modelLabel: string;
  rules: OperationRules;
  settings: DraftSettings;
  /** Why the send makes one image whatever Number of images says, if it does. */
  oneImage?: string | null;
  onChange: (patch: Partial<DraftSettings>) => void;
}

/** Every setting the chosen model takes for this operation, and only those. */
export function SettingsForm({
  modelLabel,
  rules,
  settings,
  oneImage,
  onChange,
}: SettingsFormProps) {
  const streamId = useId();
  const userId = useId();
  const lossy = settings.output_format !== 'png';
  // A provider refusing a folded setting must not hide its message behind a closed disclosure.
  const fieldErrors = useContext(FieldErrorsContext);
  // Nor a note on what the studio changed there.
  const { notes } = useContext(FieldNotesContext);
  const advancedRefused = ADVANCED_LABELS.some((label) => fieldErrors[label] || notes[label]);
  return (
    <div className="settings">
      <SizeField modelLabel={modelLabel} rules={rules} settings={settings} onChange={onChange} />
      <SliderField
        label="Number of images"
        // Shown at what is sent; the designer's own number comes back with the next send that
        // takes it.
        value={oneImage ? 1 : settings.n}
        min={1}
        max={rules.nMax}
        disabled={Boolean(oneImage)}
        onChange={(n) => onChange({ n })}
        hint={
          oneImage || (rules.nMax === 1 ? `${modelLabel} makes one image per request.` : undefined)
        }
      />
      {/* Six tiers (GPT Image 2.5) do not fit one row of segments in the panel: a list. */}
      {rules.qualities.length > 4 ? (
        <SelectField
          label="Quality"
          value={settings.quality}
          choices={choices(rules.qualities)}
          onChange={(quality) => onChange({ quality: quality as DraftSettings['quality'] })}
          hint={qualityHint(settings.quality)}
        />
      ) : (
        <SegmentedField
          label="Quality"
          value={settings.quality}
          choices={choices(rules.qualities)}
          onChange={(quality) => onChange({ quality })}
          hint={rules.qualities.length === 1 ? `${modelLabel} has one quality.` : undefined}
        />
      )}
      {rules.styles ? (
        <SegmentedField
          label="Style"
          value={settings.style}
          choices={choices(rules.styles)}
          onChange={(style) => onChange({ style })}
          hint={
            settings.style === 'vivid'
              ? 'Hyper-real and dramatic.'
              : 'More natural, less hyper-real.'
          }
        />
      ) : null}
      {rules.backgrounds ? (
        <SegmentedField
          label="Background"
          value={settings.background}
          choices={choices(rules.backgrounds)}
          onChange={(background) => onChange({ background })}
          hint={backgroundHint(modelLabel, rules, settings.background)}
        />
      ) : null}
      {rules.outputFormats ? (
        <SegmentedField
          label="Output format"
          value={settings.output_format}
          choices={choices(rules.outputFormats).map((c) =>
            settings.background === 'transparent' && !rules.transparentFormats?.includes(c.value)
              ? { ...c, description: `${c.label} has no transparency` }
              : c,
          )}
          onChange={(output_format) => onChange({ output_format })}
        />
      ) : null}
      {rules.outputFormats && lossy ? (
        <SliderField
          label="Compression"
          value={settings.output_compression}
          min={0}
          max={100}
          onChange={(output_compression) => onChange({ output_compression })}
          format={(v) => `${v} %`}
          hint="100 keeps the most detail; lower makes smaller files."
        />
      ) : null}
      {rules.responseFormats ? (
        <SegmentedField
          label="Response format"
          value={settings.response_format}
          choices={[
            {
              value: 'b64_json' as const,
              label: 'Image data',
              description: 'The image bytes arrive in the answer',
            },
            { value: 'url' as const, label: 'Link', description: 'A link valid for 60 minutes' },
          ]}
          onChange={(response_format) => onChange({ response_format })}
          hint={
            settings.response_format === 'url'
              ? 'Links expire after 60 minutes; Easel downloads them at once when the host allows it.'
              : 'The images arrive as bytes: nothing to download later.'
          }
        />
      ) : null}
      <MoreSettings forceOpen={advancedRefused}>
        {rules.inputFidelity ? (
          <SegmentedField
            label="Input fidelity"
            value={settings.input_fidelity}
            choices={choices(rules.inputFidelity)}
            onChange={(input_fidelity) => onChange({ input_fidelity })}
            hint="High keeps faces and details of the input closer, at a higher cost."
          />
        ) : null}
        {rules.moderation ? (
          <SegmentedField
            label="Moderation"
            value={settings.moderation}
            choices={choices(rules.moderation)}
            onChange={(moderation) => onChange({ moderation })}
            hint="Low filters less strictly."
          />
        ) : null}
        {rules.partialImagesMax !== undefined ? (
          <div className="form-field">
            <div className="form-field__head form-field__head--switch">
              <label className="form-field__label" htmlFor={streamId}>
                Stream partial images
              </label>
              <Switch
                id={streamId}
                checked={settings.stream}
                onChange={(stream) => onChange({ stream })}
              />
            </div>
            <p className="form-field__hint">Watch the image take shape while it is drawn.</p>
          </div>
        ) : null}
        {rules.partialImagesMax !== undefined && settings.stream ? (
          <SegmentedField
            label="Partial images"
            value={String(settings.partial_images)}
            choices={Array.from({ length: rules.partialImagesMax }, (_, i) => ({
              value: String(i + 1),
              label: String(i + 1),
            }))}
            onChange={(v) => onChange({ partial_images: Number(v) })}
            hint="Previews per image before the final one."
          />
        ) : null}
        <div className="form-field">
          <div className="form-field__head">
            <label className="form-field__label" htmlFor={userId}>
              User
            </label>
            <span className="form-field__aside">optional</span>
          </div>
          <input
            id={userId}
            className="input"
            value={settings.user}
            maxLength={256}
            autoComplete="off"
            spellCheck={false}
            placeholder="An id for your end user"
            onChange={(e) => onChange({ user: e.target.value })}
            aria-describedby={`${userId}-hint`}
          />
          <p className="form-field__hint" id={`${userId}-hint`}>
            Sent as <code>user</code> to help the provider spot abuse.
          </p>
        </div>
      </MoreSettings>
    </div>
  );
}
