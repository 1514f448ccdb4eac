import { URLResolver } from 'graphql-scalars';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { CACHE_HINT } from './cacheControl';
import type { ImageSize } from './ImageSize';

/** One stored size of an image (a WordPress `media_details.sizes` entry). */
export interface ImageRendition {
  size: ImageSize;
  url: string;
  width: number;
  height: number;
}

@Directive(CACHE_HINT.inherit)
@ObjectType({ simpleResolvers: true, description: 'An image with what a page needs to lay it out and describe it.' })
export class Image {
  @Field(() => URLResolver, { description: 'Absolute URL of the image file (as uploaded: the same as `sourceUrl`).' })
  url!: string;

  @Field({ description: 'Alternative text for screen readers; empty when the newsroom gave none.' })
  alt!: string;

  @Field(() => Int, { nullable: true, description: 'Intrinsic width in pixels, when known.' })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Intrinsic height in pixels, when known.' })
  height!: number | null;

  /** The sizes the upstream made, full size included when known; absent or empty when it gave none. */
  renditions?: ImageRendition[];
}
