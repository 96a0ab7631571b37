import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { keep, readKept } from '../../stores/kept-layout';
import { keyDelta, movedWeights, separatorPercent, weightsFor, type PaneSide, type Weights } from './split-math';
import './split.css';

export interface Pane {
  /** Unique in the window: the key its size is kept under and its element's id. */
  id: string;
  /** Names the separators beside it ("Resize Balances and Positions"). */
  label: string;
  /** Its share of the split until the person moves a separator. */
  weight: number;
  /** The least it shrinks to, in px; `content`: never smaller than what it holds (it never scrolls). */
  min: number | 'content';
  content: ReactNode;
}

interface Drag {
  index: number;
  pointerId: number;
  start: number;
  sides: [PaneSide, PaneSide];
}

const paneId = (id: string) => `pane-${id}`;

/** The kept weights as an object; what is in it is checked pane by pane (weightsFor). */
function keptWeights(key: string): Weights {
  const kept = readKept(key);
  return kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? (kept as Weights) : {};
}

/**
 * Panes side by side (`row`) or stacked (`column`), a separator between each two that a pointer drags or the
 * arrow keys move (Home / End: as far as it goes). The sizes are kept under `layout.<id>`, by pane, so a pane
 * added later or shown only at times (the ticket) leaves the others' sizes alone.
 */
export function Split({ id, direction, panes }: { id: string; direction: 'row' | 'column'; panes: readonly Pane[] }) {
  const storageKey = `layout.${id}`;
  const [saved, setSaved] = useState<Weights>(() => keptWeights(storageKey));
  const latest = useRef(saved);
  const drag = useRef<Drag | null>(null);
  const elements = useRef(new Map<string, HTMLDivElement>());
  const across = direction === 'row';
  const weights = weightsFor(panes, saved);

  const sideOf = (index: number): PaneSide => {
    const pane = panes[index];
    const element = pane && elements.current.get(pane.id);
    const box = element?.getBoundingClientRect();
    const content = element?.firstElementChild;
    const fits = content ? (across ? content.scrollWidth : content.scrollHeight) : 0;
    const min = pane?.min === 'content' ? fits : (pane?.min ?? 0);
    return { size: box ? (across ? box.width : box.height) : 0, weight: weights[index] ?? 1, min };
  };
  const resize = (index: number, [before, after]: [PaneSide, PaneSide], delta: number, persist: boolean) => {
    const [a, b] = movedWeights(before, after, delta);
    const next: Weights = { ...latest.current, [panes[index]!.id]: a, [panes[index + 1]!.id]: b };
    latest.current = next;
    setSaved(next);
    if (persist) keep(storageKey, next);
  };
  const position = (event: PointerEvent) => (across ? event.clientX : event.clientY);

  const onPointerDown = (index: number) => (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = {
      index,
      pointerId: event.pointerId,
      start: position(event),
      sides: [sideOf(index), sideOf(index + 1)],
    };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const active = drag.current;
    if (active?.pointerId === event.pointerId)
      resize(active.index, active.sides, position(event) - active.start, false);
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    keep(storageKey, latest.current);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    const sides: [PaneSide, PaneSide] = [sideOf(index), sideOf(index + 1)];
    const delta = keyDelta(event.key, event.shiftKey, ...sides);
    if (delta === null) return;
    event.preventDefault();
    resize(index, sides, delta, true);
  };

  return (
    <div className={`split split-${direction}`}>
      {panes.map((pane, index) => {
        const next = panes[index + 1];
        return [
          <div
            key={pane.id}
            id={paneId(pane.id)}
            className="split-pane"
            ref={(element) => {
              if (element) elements.current.set(pane.id, element);
              else elements.current.delete(pane.id);
            }}
            // A flex item's automatic minimum is its content's size: what `content` asks for.
            style={{
              flex: `${weights[index]} 1 0px`,
              [across ? 'minWidth' : 'minHeight']: pane.min === 'content' ? 'auto' : pane.min,
            }}
          >
            {pane.content}
          </div>,
          next && (
            <div
              key={`${pane.id}|${next.id}`}
              role="separator"
              tabIndex={0}
              className="split-handle"
              aria-label={`Resize ${pane.label} and ${next.label}`}
              aria-controls={paneId(pane.id)}
              aria-orientation={across ? 'vertical' : 'horizontal'}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={separatorPercent(weights, index)}
              onPointerDown={onPointerDown(index)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerEnd}
              onPointerCancel={onPointerEnd}
              onKeyDown={onKeyDown(index)}
            />
          ),
        ];
      })}
    </div>
  );
}
