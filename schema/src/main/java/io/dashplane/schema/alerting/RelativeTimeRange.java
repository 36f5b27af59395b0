package io.dashplane.schema.alerting;

/** How far back a query looks, in seconds before evaluation time: from 600 to 0 is "the last 10 minutes". */
public record RelativeTimeRange(Long from, Long to) {
}
