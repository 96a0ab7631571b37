import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  LineStyle,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef, useState } from 'react';
import { CHART_RANGE_NAMES, type ChartRange } from '../../../../shared/enums';
import type { Bar, Listing } from '../../../../shared/market';
import { positionFeed } from '../../stores/accounts-store';
import { useSessionStore } from '../../stores/session-store';
import { averageCosts, sameCosts, type AverageCost } from './average-costs';
import { formatPrice, formatVolume, priceDecimals } from '../../format';

interface Series {
  chart: IChartApi;
  candles: ISeriesApi<'Candlestick'>;
  volume: ISeriesApi<'Histogram'>;
}

/**
 * How often the live bar is redrawn. A redraw repaints the whole chart canvas, which costs about as much as
 * a quote batch in the watchlist; once a second keeps the candle live without competing with the quotes.
 */
const LIVE_BAR_EVERY_MS = 1_000;
const UP = '#1a7f37';
const COST = '#8250df';
const DOWN = '#cf222e';

const candle = (bar: Bar) => ({
  time: bar.time as UTCTimestamp,
  open: bar.open,
  high: bar.high,
  low: bar.low,
  close: bar.close,
});
const volumeBar = (bar: Bar) => ({
  time: bar.time as UTCTimestamp,
  value: bar.volume,
  color: bar.close >= bar.open ? `${UP}80` : `${DOWN}80`,
});

function makeSeries(container: HTMLElement): Series {
  const style = getComputedStyle(container);
  const chart = createChart(container, {
    autoSize: true,
    layout: { background: { color: 'transparent' }, textColor: style.color, attributionLogo: false },
    grid: { vertLines: { visible: false }, horzLines: { color: style.borderColor } },
    timeScale: { timeVisible: true, secondsVisible: false },
  });
  const candles = chart.addSeries(CandlestickSeries, {
    upColor: UP,
    downColor: DOWN,
    borderVisible: false,
    wickUpColor: UP,
    wickDownColor: DOWN,
  });
  const volume = chart.addSeries(HistogramSeries, { priceScaleId: '', priceFormat: { type: 'volume' } });
  volume.priceScale().applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });
  return { chart, candles, volume };
}

type Loaded = { key: string; bars: Bar[]; last: Bar | null } | { key: string; error: string };

/**
 * Candles and volume of the selected listing. History comes from `market.history` (paced and cached by
 * the services); afterwards `market.bar` moves the last bar as ticks arrive. A refusal — pacing above
 * all — is shown in the panel, never swallowed.
 */
export function PriceChart({ listing }: { listing: Listing | null }) {
  const container = useRef<HTMLDivElement | null>(null);
  const series = useRef<Series | null>(null);
  const [range, setRange] = useState<ChartRange>('1D');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const connected = useSessionStore((s) => s.session?.state === 'connected' || s.session?.state === 'degraded');
  const conId = listing?.conId ?? null;
  const key = `${conId}/${range}`;

  useEffect(() => {
    if (!container.current) return;
    series.current = makeSeries(container.current);
    return () => {
      series.current?.chart.remove();
      series.current = null;
    };
  }, []);

  // The chart holds the instrument's quote line while it shows it, sharing the watchlist's.
  useEffect(() => {
    if (conId === null || !connected) return;
    void window.gatehouse.market.subscribe({ conId, consumer: 'chart' });
    return () => void window.gatehouse.market.unsubscribe({ conId, consumer: 'chart' });
  }, [conId, connected]);

  useEffect(() => {
    if (conId === null || !connected) return;
    let current = true;
    void window.gatehouse.market.history({ conId, range }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        series.current?.candles.setData([]);
        series.current?.volume.setData([]);
        setLoaded({ key: `${conId}/${range}`, error: result.error.message });
        return;
      }
      const { bars } = result.value;
      series.current?.candles.setData(bars.map(candle));
      series.current?.volume.setData(bars.map(volumeBar));
      series.current?.chart.timeScale().fitContent();
      setLoaded({ key: `${conId}/${range}`, bars, last: bars.at(-1) ?? null });
    });
    return () => {
      current = false;
    };
  }, [conId, range, connected]);

  // A chart redraws every visible candle on each update: a few updates a second look live and cost little.
  useEffect(() => {
    const pending = new Map<number, Bar>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      // Every bar seen, oldest first: a bar that closed between two flushes keeps its final values.
      const bars = [...pending.values()].sort((a, b) => a.time - b.time);
      pending.clear();
      if (!series.current) return;
      for (const bar of bars) {
        series.current.candles.update(candle(bar));
        series.current.volume.update(volumeBar(bar));
      }
      setLoaded((before) => {
        if (before === null || 'error' in before || before.key !== `${conId}/${range}`) return before;
        const known = before.bars.at(-1)?.time ?? -Infinity;
        const added = bars.filter((bar) => bar.time > known);
        return {
          ...before,
          bars: added.length > 0 ? [...before.bars, ...added] : before.bars,
          last: bars.at(-1) ?? null,
        };
      });
    };
    const stop = window.gatehouse.on('market.bar', (live) => {
      if (live.conId !== conId || live.range !== range) return;
      pending.set(live.bar.time, live.bar);
      timer ??= setTimeout(flush, LIVE_BAR_EVERY_MS);
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [conId, range]);

  const costs = useAverageCosts(conId);
  useEffect(() => {
    const candles = series.current?.candles;
    if (!candles) return;
    const lines = costs.map((cost) =>
      candles.createPriceLine({
        price: cost.price,
        title: costs.length > 1 ? `Avg ${cost.account}` : 'Avg cost',
        color: COST,
        lineWidth: 1,
        lineStyle: LineStyle.Dashed,
        axisLabelVisible: true,
      }),
    );
    return () => lines.forEach((line) => candles.removePriceLine(line));
  }, [costs]);

  const current = loaded?.key === key ? loaded : null;
  const decimals = listing ? priceDecimals(listing.secType) : 2;
  return (
    <div className="price-chart">
      <div className="chart-toolbar">
        <div className="chart-ranges" role="radiogroup" aria-label="Chart range">
          {CHART_RANGE_NAMES.map((option) => (
            <label key={option} className={option === range ? 'selected' : ''}>
              <input type="radio" name="chart-range" checked={option === range} onChange={() => setRange(option)} />
              {option}
            </label>
          ))}
        </div>
        <p className="chart-legend" role="status" aria-label="Chart legend">
          {legend(listing, range, current, decimals)}
        </p>
        {costs.length > 0 && (
          <p className="chart-costs" aria-label="Average cost">
            {costs.map((cost) => `Avg cost ${cost.account} ${formatPrice(cost.price, decimals)}`).join(' · ')}
          </p>
        )}
      </div>
      {current !== null && 'error' in current && (
        <p className="chart-error" role="alert">
          {current.error}
        </p>
      )}
      <div
        className="chart-canvas"
        ref={container}
        aria-label={listing ? `${listing.symbol} price chart` : 'Price chart'}
      />
    </div>
  );
}

/**
 * The average cost of each account holding the instrument, kept up to date as positions change (a fill
 * moves it); a new list only when a cost did change, so the lines are not redrawn on every P&L update.
 */
function useAverageCosts(conId: number | null): AverageCost[] {
  const [costs, setCosts] = useState<AverageCost[]>([]);
  useEffect(() => {
    const read = () =>
      setCosts((before) => {
        const next = averageCosts(positionFeed.all(), conId);
        return sameCosts(before, next) ? before : next;
      });
    read();
    return positionFeed.subscribe(read);
  }, [conId]);
  return costs;
}

function legend(listing: Listing | null, range: ChartRange, loaded: Loaded | null, decimals: number): string {
  if (listing === null) return 'Select a watchlist row to chart it.';
  if (loaded === null) return `${listing.symbol} ${range}: loading…`;
  if ('error' in loaded) return `${listing.symbol} ${range}: no chart`;
  const { bars, last } = loaded;
  if (last === null) return `${listing.symbol} ${range}: 0 bars`;
  const p = (value: number) => formatPrice(value, decimals);
  return `${listing.symbol} ${range} · ${bars.length} bars · O ${p(last.open)} H ${p(last.high)} L ${p(last.low)} C ${p(last.close)} V ${formatVolume(last.volume)}`;
}
