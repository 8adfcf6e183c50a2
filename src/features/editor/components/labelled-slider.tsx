import { Slider } from '../../../lib/ui/slider.tsx';
import './labelled-slider.css';

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

/** A compact slider for toolbars and dialogs: label, track and value on one line. */
export function LabelledSlider({ label, className, ...slider }: LabelledSliderProps) {
  return (
    <div className={`editor-slider ${className ?? ''}`}>
      <span className="editor-slider__label">{label}</span>
      <Slider label={label} {...slider} />
      <output className="editor-slider__value" aria-hidden="true">
        {slider.format(slider.value)}
      </output>
    </div>
  );
}
