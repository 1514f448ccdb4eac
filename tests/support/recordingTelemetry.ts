import type { BreakerState, Telemetry, UpstreamOutcome } from '../../src/telemetry';

/** A Telemetry that keeps what it is told, so tests can check what layers report. */
export function recordingTelemetry(): Telemetry & {
  upstreamCalls: { serviceName: string; outcome: UpstreamOutcome; endpointClass?: string }[];
  /** `endpointClass` only for an upstream with several. */
  breakerStates: { serviceName: string; state: BreakerState; endpointClass?: string }[];
  outcomes: (serviceName?: string, endpointClass?: string) => UpstreamOutcome[];
  reset: () => void;
} {
  const upstreamCalls: { serviceName: string; outcome: UpstreamOutcome; endpointClass?: string }[] = [];
  const breakerStates: { serviceName: string; state: BreakerState; endpointClass?: string }[] = [];
  return {
    upstreamCalls,
    breakerStates,
    outcomes: (serviceName, endpointClass) =>
      upstreamCalls
        .filter((call) => (!serviceName || call.serviceName === serviceName) && (!endpointClass || call.endpointClass === endpointClass))
        .map((call) => call.outcome),
    reset: () => {
      upstreamCalls.length = 0;
      breakerStates.length = 0;
    },
    upstreamCall(serviceName, outcome, _durationMs, endpointClass) {
      upstreamCalls.push(endpointClass === undefined ? { serviceName, outcome } : { serviceName, outcome, endpointClass });
    },
    breakerState(serviceName, state, endpointClass) {
      breakerStates.push(endpointClass === undefined ? { serviceName, state } : { serviceName, state, endpointClass });
    },
    cacheLookup() {},
    loaderBatch() {},
    operation() {},
    sourceCall() {},
    httpRequest() {},
  };
}
