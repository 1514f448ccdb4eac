import { UpstreamError, type UpstreamErrorCode } from '../errors';

/**
 * A source call whose upstream failed in part, with what could still be made of the answers that came:
 * `partial`, aligned to the keys asked (a related rail ranked from the listings that answered). It is an
 * UpstreamError carrying the failure's code and service, so whatever does not know partial results treats
 * it as the failure it also is: nothing is cached from it, and a stale entry is served before it.
 */
export class PartialResultError<T> extends UpstreamError {
  constructor(
    readonly partial: readonly T[],
    readonly failure: UpstreamError,
    message: string,
  ) {
    super(failure.extensions.code as UpstreamErrorCode, failure.serviceName, message, { cause: failure });
  }
}
