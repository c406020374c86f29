// "Save PNG" and "Save SVG" under a chart: the chart's <svg> written out with its computed
// colours (see logic/chart-export.ts), saved as is, or drawn at 2× onto a canvas for a PNG.
// The PNG goes through a data: URL and the download through a blob: URL, which the CSP's
// img-src allows; nothing with a style attribute is added to the page.
import { useState, type RefObject } from 'react';
import { downloadBlob } from '../download';
import { chartFileName } from '../../shared/file-name';
import { firstOpaque, pngSize, serialiseSvg, svgFileText } from '../logic/chart-export';
import { useStore } from '../store/store';

export interface ChartSvg {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** The chart's drawing: recharts' surface, or the first <svg> in the container. */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  return container.querySelector<SVGSVGElement>('svg.recharts-surface') ?? container.querySelector('svg');
}

/** The colour the chart is drawn on: the first opaque background from the chart outwards. */
function backgroundOf(element: Element): string {
  const colours: string[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) colours.push(getComputedStyle(el).backgroundColor);
  return firstOpaque(colours);
}

/** The chart as a standalone SVG file, colours and fonts inlined, at its size on screen. */
export function chartSvgFile(svg: SVGSVGElement, title: string): ChartSvg {
  const { width, height } = svg.getBoundingClientRect();
  const rootStyle = getComputedStyle(svg);
  const markup = serialiseSvg(svg, {
    styleOf: (node) => getComputedStyle(node as unknown as Element),
    lookupVar: (name) => rootStyle.getPropertyValue(name),
    rootAttributes: {
      width: String(width),
      height: String(height),
      ...(svg.hasAttribute('viewBox') ? {} : { viewBox: `0 0 ${width} ${height}` }),
    },
  });
  return { text: svgFileText(markup, { width, height, title, background: backgroundOf(svg) }), width, height };
}

/** Draws the SVG onto a canvas at PNG_SCALE and encodes it as PNG. */
export async function svgToPng(file: ChartSvg): Promise<Blob> {
  const image = new Image();
  image.decoding = 'async';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`;
  try {
    await image.decode();
  } catch {
    throw new Error('the chart could not be drawn as an image');
  }
  const size = pngSize(file.width, file.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw images');
  context.drawImage(image, 0, 0, size.width, size.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png');
  });
}

export function ChartExport(props: { title: string; target: RefObject<HTMLElement | null> }) {
  const planName = useStore((s) => s.snapshot?.plan.name ?? 'Plan');
  const [state, setState] = useState<{ text: string; failed: boolean }>({ text: '', failed: false });

  async function save(format: 'png' | 'svg') {
    const container = props.target.current;
    const svg = container && chartSvg(container);
    if (!svg) {
      setState({ text: 'There is no chart to save yet', failed: true });
      return;
    }
    const fileName = chartFileName(planName, props.title, format);
    try {
      const file = chartSvgFile(svg, props.title);
      const blob = format === 'svg' ? new Blob([file.text], { type: 'image/svg+xml' }) : await svgToPng(file);
      downloadBlob(fileName, blob);
      setState({ text: `Saved ${fileName}`, failed: false });
    } catch (error) {
      setState({ text: `Could not save the chart: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    }
  }

  return (
    <div className="button-row chart-export" style={{ justifyContent: 'flex-end', marginTop: 6 }}>
      <span className={state.failed ? 'field-error' : 'muted small'} role="status" aria-live="polite" data-testid="chart-save-state">
        {state.text}
      </span>
      {(['png', 'svg'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="link-button small"
          onClick={() => void save(format)}
          data-testid={`chart-save-${format}`}
          aria-label={`Save ${format.toUpperCase()}: ${props.title}`}
        >
          {`Save ${format.toUpperCase()}`}
        </button>
      ))}
    </div>
  );
}
