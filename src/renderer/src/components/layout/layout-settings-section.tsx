import { DENSITIES, setDensity, useDensityStore } from './density';

const DENSITY_LABELS = { comfortable: 'Comfortable', compact: 'Compact' } as const;

/** How dense the window is; the panes' sizes are set on the panes themselves (their separators). */
export function LayoutSettingsSection() {
  const density = useDensityStore((s) => s.density);
  return (
    <section className="settings-section" aria-labelledby="layout-heading">
      <h3 id="layout-heading">Layout</h3>
      <fieldset className="inline-group">
        <legend>Density</legend>
        {DENSITIES.map((option) => (
          <label key={option} className="inline">
            <input type="radio" name="density" checked={density === option} onChange={() => setDensity(option)} />
            {DENSITY_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <p className="settings-hint">
        Compact shows more rows: shorter rows, smaller paddings and text. Drag the bars between panes, or focus one and
        use the arrow keys, to resize them; sizes and density are kept.
      </p>
    </section>
  );
}
