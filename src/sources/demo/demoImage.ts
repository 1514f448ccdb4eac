import type { ImageRendition, ImageRecord } from '../records';
import { ImageSize } from '../../schema/ImageSize';
import type { DemoImage } from './DemoNewsroom';

/** WordPress's default sizes: [size, max width, max height (0: any), cropped]. */
const WORDPRESS_SIZES: readonly [ImageSize, number, number, boolean][] = [
  [ImageSize.THUMBNAIL, 150, 150, true],
  [ImageSize.MEDIUM, 300, 300, false],
  [ImageSize.MEDIUM_LARGE, 768, 0, false],
  [ImageSize.LARGE, 1024, 1024, false],
];

/**
 * The demo newsroom's images in the sizes WordPress would have made of them on upload (its default sizes,
 * named `<file>-<width>x<height>.jpg`), computed from the upload's dimensions rather than stored, so the
 * data file stays as small as it was. As in WordPress, a size no smaller than the upload is not made.
 */
export function demoImage(image: DemoImage): ImageRecord {
  const renditions: ImageRendition[] = [];
  for (const [size, maxWidth, maxHeight, crop] of WORDPRESS_SIZES) {
    const dimensions = crop ? cropped(image, maxWidth, maxHeight) : fitted(image, maxWidth, maxHeight);
    if (dimensions) renditions.push({ size, url: image.url.replace(/(\.[a-z]+)$/i, `-${dimensions[0]}x${dimensions[1]}$1`), width: dimensions[0], height: dimensions[1] });
  }
  renditions.push({ size: ImageSize.FULL, url: image.url, width: image.width, height: image.height });
  return { url: image.url, alt: image.alt, width: image.width, height: image.height, renditions };
}

function fitted({ width, height }: DemoImage, maxWidth: number, maxHeight: number): [number, number] | null {
  const scale = Math.min(maxWidth / width, maxHeight > 0 ? maxHeight / height : Infinity);
  return scale < 1 ? [Math.round(width * scale), Math.round(height * scale)] : null;
}

function cropped({ width, height }: DemoImage, maxWidth: number, maxHeight: number): [number, number] | null {
  return width > maxWidth && height > maxHeight ? [maxWidth, maxHeight] : null;
}
