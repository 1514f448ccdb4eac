import type { BreakerState, Telemetry, UpstreamOutcome } from '../../src/telemetry';

/** A Telemetry that keeps what it is told, so tests can check what layers report. */
export function recordingTelemetry(): Telemetry & {
  upstreamCalls: { serviceName: string; outcome: UpstreamOutcome }[];
  breakerStates: { serviceName: string; state: BreakerState }[];
  outcomes: (serviceName?: string) => UpstreamOutcome[];
  reset: () => void;
} {
  const upstreamCalls: { serviceName: string; outcome: UpstreamOutcome }[] = [];
  const breakerStates: { serviceName: string; state: BreakerState }[] = [];
  return {
    upstreamCalls,
    breakerStates,
    outcomes: (serviceName) => upstreamCalls.filter((call) => !serviceName || call.serviceName === serviceName).map((call) => call.outcome),
    reset: () => {
      upstreamCalls.length = 0;
      breakerStates.length = 0;
    },
    upstreamCall(serviceName, outcome) {
      upstreamCalls.push({ serviceName, outcome });
    },
    breakerState(serviceName, state) {
      breakerStates.push({ serviceName, state });
    },
    cacheLookup() {},
    loaderBatch() {},
    operation() {},
    sourceCall() {},
    httpRequest() {},
  };
}
