// An SVG document to a PNG in the browser: the SVG as an image (its embedded fonts decode with
// it), drawn on a canvas at `scale` device pixels per unit.

/** The SVG's own width and height (its root's attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('The SVG has no width and height');
  return { width, height };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The image drawn on a new canvas at `scale`. */
function drawn(image: HTMLImageElement, width: number, height: number, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('No 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas;
}

const pixelsOf = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;

function same(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The fonts inside an SVG image apply a moment after it decodes, and a canvas keeps what the
 * image showed when it was drawn (text still waiting for its font is left out). So the image is
 * drawn small until two draws 50 ms apart agree, at least 100 ms after it decoded; then once at
 * full size.
 */
async function fontsApplied(image: HTMLImageElement, width: number, height: number): Promise<void> {
  const probe = Math.min(1, 800 / width);
  const start = performance.now();
  let last = pixelsOf(drawn(image, width, height, probe));
  for (let i = 0; i < 60; i++) {
    await pause(50);
    const now = pixelsOf(drawn(image, width, height, probe));
    if (same(now, last) && performance.now() - start >= 100) return;
    last = now;
  }
}

/** Draws the SVG on a new canvas at `scale`; the caller reads it as pixels or a file. */
export async function svgToCanvas(svg: string, scale: number, size = svgSize(svg)): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    await fontsApplied(image, size.width, size.height);
    return drawn(image, size.width, size.height, scale);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const canvas = await svgToCanvas(svg, scale);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The canvas gave no PNG'))), 'image/png'),
  );
}
