import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

type Render<Row> = (params: ICellRendererParams<Row>) => HTMLElement | string;

const markup = (shown: HTMLElement | string) => (typeof shown === 'string' ? shown : shown.outerHTML);
const buttonsIn = (shown: HTMLElement | string): HTMLButtonElement[] =>
  typeof shown === 'string' ? [] : shown instanceof HTMLButtonElement ? [shown] : [...shown.querySelectorAll('button')];

/**
 * A function cell renderer whose elements stay while what it shows is unchanged. ag-grid re-creates a
 * function renderer on every change to its row, so a position whose price ticks replaced its action buttons
 * several times a second: a keyboard user's focus fell back to the page, and a click whose press and release
 * straddled a tick was lost. Here an update that renders the same markup keeps the elements on screen, and a
 * click on them runs the newest render's handler, which holds the row as it is now. Changed markup replaces
 * the elements, and the focus moves to the button in the same place.
 */
export function stableCell<Row>(render: Render<Row>): new () => ICellRendererComp<Row> {
  return class StableCell implements ICellRendererComp<Row> {
    private readonly gui = document.createElement('span');
    private shown: HTMLElement | string = '';
    private latest: HTMLElement | string = '';

    init(params: ICellRendererParams<Row>): void {
      this.gui.className = 'stable-cell';
      this.gui.addEventListener('click', this.forward, true);
      this.show(render(params));
    }

    getGui(): HTMLElement {
      return this.gui;
    }

    refresh(params: ICellRendererParams<Row>): boolean {
      const next = render(params);
      if (markup(next) === markup(this.shown)) this.latest = next;
      else this.show(next);
      return true;
    }

    destroy(): void {
      this.gui.removeEventListener('click', this.forward, true);
    }

    private show(next: HTMLElement | string): void {
      const focused = buttonsIn(this.shown).findIndex((button) => button === document.activeElement);
      this.gui.replaceChildren(next);
      this.shown = this.latest = next;
      if (focused >= 0) buttonsIn(next)[focused]?.focus();
    }

    /** A click on elements kept from an earlier render goes to the same button of the newest one. */
    private readonly forward = (event: MouseEvent): void => {
      if (this.latest === this.shown || !(event.target instanceof Element)) return;
      const clicked = event.target.closest('button');
      const index = clicked ? buttonsIn(this.shown).indexOf(clicked) : -1;
      if (index < 0) return;
      event.stopPropagation();
      buttonsIn(this.latest)[index]?.click();
    };
  };
}
