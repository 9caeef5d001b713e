import { fontFamilies, limits, themes } from './preferences'
import type { Preferences } from './preferences'

const themeLabels: Record<Preferences['theme'], string> = {
  system: 'Auto',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia'
}
const fontLabels: Record<Preferences['font'], string> = {
  serif: 'Serif',
  sans: 'Sans',
  system: 'System'
}

interface ReaderSettingsProps {
  preferences: Preferences
  onChange(change: Partial<Preferences>): void
  onClose(): void
}

/** Typography and theme; every change applies at once and is remembered in this browser. */
export function ReaderSettings({
  preferences,
  onChange,
  onClose
}: ReaderSettingsProps): React.JSX.Element {
  return (
    <div
      className="settings-popover"
      role="dialog"
      aria-label="Reading settings"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <fieldset className="segmented">
        <legend>Theme</legend>
        {themes.map((theme) => (
          <label key={theme} className="segment">
            <input
              type="radio"
              name="theme"
              checked={preferences.theme === theme}
              onChange={() => onChange({ theme })}
            />
            <span>{themeLabels[theme]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend>Typeface</legend>
        {fontFamilies.map((font) => (
          <label key={font} className="segment">
            <input
              type="radio"
              name="font"
              checked={preferences.font === font}
              onChange={() => onChange({ font })}
            />
            <span>{fontLabels[font]}</span>
          </label>
        ))}
      </fieldset>
      <Slider
        label="Text size"
        value={preferences.fontSize}
        bounds={limits.fontSize}
        shown={`${preferences.fontSize}px`}
        onChange={(fontSize) => onChange({ fontSize })}
      />
      <Slider
        label="Line height"
        value={preferences.lineHeight}
        bounds={limits.lineHeight}
        shown={preferences.lineHeight.toFixed(1)}
        onChange={(lineHeight) => onChange({ lineHeight: Math.round(lineHeight * 10) / 10 })}
      />
      <Slider
        label="Line length"
        value={preferences.measure}
        bounds={limits.measure}
        shown={`${preferences.measure} ch`}
        onChange={(measure) => onChange({ measure })}
      />
    </div>
  )
}

function Slider({
  label,
  value,
  bounds,
  shown,
  onChange
}: {
  label: string
  value: number
  bounds: { min: number; max: number; step: number }
  shown: string
  onChange(value: number): void
}): React.JSX.Element {
  return (
    <label className="slider">
      <span className="slider-label">
        {label}
        <output>{shown}</output>
      </span>
      <input
        type="range"
        min={bounds.min}
        max={bounds.max}
        step={bounds.step}
        value={value}
        aria-label={label}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </label>
  )
}
