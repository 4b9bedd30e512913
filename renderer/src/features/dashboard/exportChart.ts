/**
 * A recharts chart as a file: the SVG it drew, made self-contained (computed colours and
 * fonts inlined, since the app's CSS does not travel with the file), with the panel's
 * title above and the legend (HTML in recharts) redrawn below, on the panel's background.
 * The PNG is that SVG drawn on a canvas at twice its size.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Computed properties copied onto every element, so the file looks as on screen. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

const PADDING = 16;
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 22;

export interface ChartSvg {
  markup: string;
  width: number;
  height: number;
}

/** The chart's own SVG inside `container` (recharts' legend icons are SVGs too). */
export function findChartSvg(container: HTMLElement): SVGSVGElement | null {
  return (
    container.querySelector<SVGSVGElement>('svg.recharts-surface[role="application"]') ??
    container.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ??
    container.querySelector<SVGSVGElement>('svg.recharts-surface')
  );
}

/** The first background colour that is not transparent, from `element` outwards. */
function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

function inlineStyles(source: Element, target: Element): void {
  // The hover highlight is not part of the chart.
  if (source.classList.contains('recharts-tooltip-cursor')) {
    target.remove();
    return;
  }
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((name) => {
    const value = computed.getPropertyValue(name);
    return value ? `${name}:${value}` : '';
  })
    .filter(Boolean)
    .join(';');
  if (style) target.setAttribute('style', style);
  target.removeAttribute('class');
  // Snapshot both child lists first: a removed child must not shift the pairs.
  const sourceChildren = Array.from(source.children);
  const targetChildren = Array.from(target.children);
  sourceChildren.forEach((child, i) => {
    const copy = targetChildren[i];
    if (copy) inlineStyles(child, copy);
  });
}

/** The legend entries recharts drew as HTML: their text and the colour of their icon. */
function legendEntries(container: HTMLElement): Array<{ label: string; color: string }> {
  return Array.from(container.querySelectorAll('.recharts-legend-item')).map((item) => {
    const icon = item.querySelector('path, rect, line');
    const computed = icon ? getComputedStyle(icon) : null;
    const fill = computed?.fill;
    const color = fill && fill !== 'none' ? fill : (computed?.stroke ?? '#888888');
    return { label: item.textContent?.trim() ?? '', color };
  });
}

/** Self-contained SVG markup of the chart in `container`, or null if it has none. */
export function chartToSvg(container: HTMLElement, title: string): ChartSvg | null {
  const svg = findChartSvg(container);
  if (!svg) return null;
  const box = svg.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const chartHeight = Math.max(
    1,
    Math.round(box.height || Number(svg.getAttribute('height')) || 300),
  );
  const textColor = getComputedStyle(container).color || '#000000';
  const fontFamily = getComputedStyle(container).fontFamily || 'sans-serif';
  const legend = legendEntries(container);

  const width = chartWidth + PADDING * 2;
  const height =
    PADDING + TITLE_HEIGHT + chartHeight + (legend.length ? LEGEND_ROW + 8 : 0) + PADDING;

  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', fontFamily);

  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', backgroundOf(container));
  out.appendChild(background);

  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', String(PADDING));
  heading.setAttribute('y', String(PADDING + 16));
  heading.setAttribute('fill', textColor);
  heading.setAttribute('font-size', '16');
  heading.setAttribute('font-weight', '600');
  heading.textContent = title;
  out.appendChild(heading);

  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, chart);
  chart.setAttribute('x', String(PADDING));
  chart.setAttribute('y', String(PADDING + TITLE_HEIGHT));
  chart.setAttribute('width', String(chartWidth));
  chart.setAttribute('height', String(chartHeight));
  chart.removeAttribute('role');
  chart.removeAttribute('tabindex');
  chart.removeAttribute('style');
  out.appendChild(chart);

  let x = PADDING;
  const y = PADDING + TITLE_HEIGHT + chartHeight + 8;
  for (const entry of legend) {
    const swatch = document.createElementNS(SVG_NS, 'rect');
    swatch.setAttribute('x', String(x));
    swatch.setAttribute('y', String(y + 4));
    swatch.setAttribute('width', '12');
    swatch.setAttribute('height', '12');
    swatch.setAttribute('rx', '2');
    swatch.setAttribute('fill', entry.color);
    out.appendChild(swatch);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('x', String(x + 18));
    label.setAttribute('y', String(y + 14));
    label.setAttribute('fill', textColor);
    label.setAttribute('font-size', '12');
    label.textContent = entry.label;
    out.appendChild(label);
    // Roughly the label's width: CJK glyphs are about square, Latin ones about half.
    const units = Array.from(entry.label).reduce(
      (sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7),
      0,
    );
    x += 18 + units + 16;
  }

  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}`;
  return { markup, width, height };
}

/** UTF-8 text as base64 (btoa alone only takes Latin-1). */
export function textToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The SVG drawn on a canvas at `scale`× as a PNG, in base64. */
export async function svgToPngBase64(chart: ChartSvg, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([chart.markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(chart.width * scale);
    canvas.height = Math.round(chart.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw the chart on.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, chart.width, chart.height);
    const dataUrl = canvas.toDataURL('image/png');
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}
