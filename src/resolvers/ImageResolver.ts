import { URLResolver } from 'graphql-scalars';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { Image, type ImageRendition } from '../schema/Image';
import { ImageSize } from '../schema/ImageSize';

/** The widest `srcset` candidate WordPress offers by default (`max_srcset_image_width`). */
const MAX_SRCSET_WIDTH = 2048;

@Resolver(() => Image)
export class ImageResolver {
  @FieldResolver(() => URLResolver, {
    description: 'The URL of the image in this size; the image as uploaded when the newsroom did not make that size (an upload smaller than it), as WordPress does.',
  })
  sourceUrl(@Root() image: Image, @Arg('size', () => ImageSize, { defaultValue: ImageSize.FULL, description: 'Which stored size.' }) size: ImageSize): string {
    return renditionOf(image, size)?.url ?? image.url;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'An HTML `srcset` of the stored sizes with the upload\'s proportions (`<url> 300w, <url> 768w, …`), as WordPress writes it; null when there are fewer than two.',
  })
  srcSet(@Root() image: Image): string | null {
    const candidates = srcSetCandidates(image);
    return candidates.length < 2 ? null : candidates.map((rendition) => `${rendition.url} ${rendition.width}w`).join(', ');
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'An HTML `sizes` for showing the image in this size, as WordPress writes it (`(max-width: 1024px) 100vw, 1024px`); null when its width is unknown.',
  })
  sizes(@Root() image: Image, @Arg('size', () => ImageSize, { defaultValue: ImageSize.FULL, description: 'The size it is shown in.' }) size: ImageSize): string | null {
    const width = renditionOf(image, size)?.width ?? image.width;
    return width ? `(max-width: ${width}px) 100vw, ${width}px` : null;
  }
}

function renditionOf(image: Image, size: ImageSize): ImageRendition | undefined {
  return image.renditions?.find((rendition) => rendition.size === size);
}

/**
 * WordPress's `wp_calculate_image_srcset`: sizes with the same proportions as the upload (so a cropped
 * thumbnail is left out), one per width, up to MAX_SRCSET_WIDTH, narrowest first.
 */
function srcSetCandidates(image: Image): ImageRendition[] {
  const full = renditionOf(image, ImageSize.FULL) ?? (image.width && image.height ? { size: ImageSize.FULL, url: image.url, width: image.width, height: image.height } : undefined);
  if (!full) return [];
  const byWidth = new Map<number, ImageRendition>();
  for (const rendition of [...(image.renditions ?? []), full]) {
    // WordPress's wp_image_matches_ratio: the same proportions within rounding to whole pixels.
    const expectedHeight = (rendition.width * full.height) / full.width;
    if (Math.abs(expectedHeight - rendition.height) > 1 || rendition.width > MAX_SRCSET_WIDTH || byWidth.has(rendition.width)) continue;
    byWidth.set(rendition.width, rendition);
  }
  return [...byWidth.values()].sort((a, b) => a.width - b.width);
}
