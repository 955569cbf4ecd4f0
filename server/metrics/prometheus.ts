// Renders the counters in the Prometheus text exposition format (version 0.0.4).
import { type Counters, LATENCY_BUCKETS_S } from './counters.ts';
import type { EventLoopDelaySnapshot } from './eventLoopDelay.ts';

export interface Gauges {
  connections: number;
  rooms: number;
  fanoutHealthy: boolean | null;
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function renderMetrics(counters: Counters, gauges: Gauges, eventLoop?: EventLoopDelaySnapshot): string {
  const lines: string[] = [];
  const metric = (name: string, type: string, help: string, samples: Array<[string, number]>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  };
  metric('sdg_connections', 'gauge', 'Open sync connections.', [['', gauges.connections]]);
  metric('sdg_rooms', 'gauge', 'Workshops loaded in memory.', [['', gauges.rooms]]);
  metric('sdg_connections_opened_total', 'counter', 'Sync connections accepted since start.', [
    ['', counters.connectionsOpened],
  ]);
  metric('sdg_messages_received_total', 'counter', 'Sync protocol messages received.', [
    ['', counters.messagesReceived],
  ]);
  metric('sdg_received_bytes_total', 'counter', 'Bytes of sync messages received.', [['', counters.bytesReceived]]);
  metric('sdg_updates_total', 'counter', 'Document updates stored and relayed.', [['', counters.updatesApplied]]);
  metric('sdg_update_bytes_total', 'counter', 'Bytes of document updates stored and relayed.', [
    ['', counters.updateBytes],
  ]);
  metric(
    'sdg_refusals_total',
    'counter',
    'Messages or connections refused, by reason.',
    [...counters.refusals.entries()].map(([reason, n]) => [`{reason="${escapeLabel(reason)}"}`, n]),
  );
  metric(
    'sdg_internal_errors_total',
    'counter',
    'Server failures contained without stopping the process (http: a 500 answer; uncaught: escaped code).',
    [...counters.internalErrors.entries()].map(([where, n]) => [`{where="${escapeLabel(where)}"}`, n]),
  );
  lines.push('# HELP sdg_storage_seconds Storage operation latency.', '# TYPE sdg_storage_seconds histogram');
  for (const [operation, histogram] of counters.storageLatency) {
    const op = escapeLabel(operation);
    LATENCY_BUCKETS_S.forEach((le, i) => {
      lines.push(`sdg_storage_seconds_bucket{operation="${op}",le="${le}"} ${histogram.buckets[i]}`);
    });
    lines.push(`sdg_storage_seconds_bucket{operation="${op}",le="+Inf"} ${histogram.count}`);
    lines.push(`sdg_storage_seconds_sum{operation="${op}"} ${histogram.sumSeconds}`);
    lines.push(`sdg_storage_seconds_count{operation="${op}"} ${histogram.count}`);
  }
  lines.push(
    '# HELP sdg_message_work_seconds Synchronous steps of handling a client message (reading, checking, applying, answering an update).',
    '# TYPE sdg_message_work_seconds histogram',
  );
  LATENCY_BUCKETS_S.forEach((le, i) => {
    lines.push(`sdg_message_work_seconds_bucket{le="${le}"} ${counters.messageWork.buckets[i]}`);
  });
  lines.push(`sdg_message_work_seconds_bucket{le="+Inf"} ${counters.messageWork.count}`);
  lines.push(`sdg_message_work_seconds_sum ${counters.messageWork.sumSeconds}`);
  lines.push(`sdg_message_work_seconds_count ${counters.messageWork.count}`);
  if (eventLoop) {
    lines.push(
      '# HELP sdg_event_loop_delay_seconds Event-loop delay; quantiles over the last 30 to 60 s.',
      '# TYPE sdg_event_loop_delay_seconds summary',
      ...eventLoop.quantiles.map(([q, seconds]) => `sdg_event_loop_delay_seconds{quantile="${q}"} ${seconds}`),
      `sdg_event_loop_delay_seconds_sum ${eventLoop.sumSeconds}`,
      `sdg_event_loop_delay_seconds_count ${eventLoop.count}`,
    );
    metric('sdg_event_loop_delay_max_seconds', 'gauge', 'Longest event-loop delay in the last 30 to 60 s.', [
      ['', eventLoop.maxSeconds],
    ]);
  }
  if (gauges.fanoutHealthy !== null) {
    metric('sdg_fanout_up', 'gauge', '1 when the Redis fan-out is connected.', [['', gauges.fanoutHealthy ? 1 : 0]]);
  }
  return `${lines.join('\n')}\n`;
}
