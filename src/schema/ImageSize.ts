import { registerEnumType } from 'type-graphql';

/** WordPress's default image sizes, which it makes of every upload (`media_details.sizes`). */
export enum ImageSize {
  THUMBNAIL = 'THUMBNAIL',
  MEDIUM = 'MEDIUM',
  MEDIUM_LARGE = 'MEDIUM_LARGE',
  LARGE = 'LARGE',
  FULL = 'FULL',
}

registerEnumType(ImageSize, {
  name: 'ImageSize',
  description: 'A size the newsroom keeps each image in, as WordPress makes them.',
  valuesConfig: {
    THUMBNAIL: { description: 'Cropped square, 150 × 150 by default.' },
    MEDIUM: { description: 'Fits 300 × 300 by default.' },
    MEDIUM_LARGE: { description: '768 wide by default.' },
    LARGE: { description: 'Fits 1024 × 1024 by default.' },
    FULL: { description: 'The image as uploaded.' },
  },
});
