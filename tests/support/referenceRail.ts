// The rail's titles now live with the other shared literals; this path stays for code written against it.
export { TEASER_TITLES } from './fixtures';
