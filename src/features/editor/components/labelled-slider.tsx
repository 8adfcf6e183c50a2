import { Slider } from 'radix-ui';
import { useId } from 'react';

interface LabelledSliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** What the value means, read out and shown ("40 px", "50 %"). */
  format: (value: number) => string;
  onChange: (value: number) => void;
  className?: string;
}

/** A Radix slider with a visible label and value; the thumb carries the accessible name. */
export function LabelledSlider({
  label,
  value,
  min,
  max,
  step = 1,
  format,
  onChange,
  className,
}: LabelledSliderProps) {
  const id = useId();
  return (
    <div className={`editor-slider ${className ?? ''}`}>
      <span className="editor-slider__label" id={id}>
        {label}
      </span>
      <Slider.Root
        className="editor-slider__root"
        value={[value]}
        min={min}
        max={max}
        step={step}
        onValueChange={([v]) => v !== undefined && onChange(v)}
      >
        <Slider.Track className="editor-slider__track">
          <Slider.Range className="editor-slider__range" />
        </Slider.Track>
        <Slider.Thumb
          className="editor-slider__thumb"
          aria-label={label}
          aria-valuetext={format(value)}
        />
      </Slider.Root>
      <output className="editor-slider__value" aria-hidden="true">
        {format(value)}
      </output>
    </div>
  );
}
