import { Slider as RadixSlider } from 'radix-ui';

export interface SliderProps {
  /** The accessible name, on the thumb (the visible label is the caller's). */
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  /** What the value means, read out by screen readers ("40 px", "3 images"). */
  format?: (value: number) => string;
  disabled?: boolean;
  describedBy?: string;
  className?: string;
}

/**
 * A number on a track (Radix Slider), styled by controls.css's .slider. Split from the
 * studio's entry: slider.tsx shows it.
 */
export function SliderControl(props: SliderProps) {
  const { label, value, min, max, step = 1, onChange, format = String } = props;
  return (
    <RadixSlider.Root
      className={props.className ? `slider ${props.className}` : 'slider'}
      value={[value]}
      min={min}
      max={max}
      step={step}
      disabled={props.disabled}
      onValueChange={([v]) => v !== undefined && onChange(v)}
    >
      <RadixSlider.Track className="slider__track">
        <RadixSlider.Range className="slider__range" />
      </RadixSlider.Track>
      <RadixSlider.Thumb
        className="slider__thumb"
        aria-label={label}
        aria-describedby={props.describedBy}
        // Radix only drops the thumb from the tab order: say it is off, too.
        aria-disabled={props.disabled || undefined}
        aria-valuetext={format(value)}
      />
    </RadixSlider.Root>
  );
}
