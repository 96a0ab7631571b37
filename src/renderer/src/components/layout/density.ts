import { useLayoutEffect } from 'react';
import { create } from 'zustand';
import { keep, readKept } from '../../stores/kept-layout';
import './density.css';

/** Compact: shorter rows, smaller paddings and text in every grid and panel, for more rows on screen. */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

const KEY = 'layout.density';

export const useDensityStore = create<{ density: Density }>(() => ({
  density: readKept(KEY) === 'compact' ? 'compact' : 'comfortable',
}));

export function setDensity(density: Density): void {
  keep(KEY, density);
  useDensityStore.setState({ density });
}

/** A grid's row height in the chosen density: its own when comfortable, one shared height when compact. */
export function useRowHeight(comfortable: number): number {
  return useDensityStore((s) => (s.density === 'compact' ? COMPACT_ROW_HEIGHT : comfortable));
}
export const COMPACT_ROW_HEIGHT = 24;

/** The styles follow the chosen density through `data-density` on the root element, set before paint. */
export function useDensityOnRoot(): void {
  const density = useDensityStore((s) => s.density);
  useLayoutEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);
}
