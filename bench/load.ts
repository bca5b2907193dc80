/** One load scenario through autocannon, reduced to a row of the results table. */
import autocannon from 'autocannon';

/** A request to repeat for a bounded time. */
export interface Scenario {
  name: string;
  url: string;
  method?: 'GET' | 'PATCH' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** What one scenario measured. */
export interface Measurement {
  name: string;
  requestsPerSecond: number;
  /** autocannon records latency in whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts (not HTTP statuses). */
  errors: number;
}

function fire(scenario: Scenario, seconds: number) {
  return autocannon({
    url: scenario.url,
    method: scenario.method ?? 'GET',
    headers: scenario.headers ?? {},
    body: scenario.body,
    connections: 10,
    duration: seconds,
    // A worker thread, so the load does not compete with the servers, which share this process's main thread.
    workers: 1,
  });
}

/** Warms the target up for a second (JIT, statement cache), then runs the scenario for `seconds`, 10 connections. */
export async function measure(scenario: Scenario, seconds: number): Promise<Measurement> {
  await fire(scenario, 1);
  const result = await fire(scenario, seconds);
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
