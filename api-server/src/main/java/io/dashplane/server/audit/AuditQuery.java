package io.dashplane.server.audit;

/** Filters of the audit log; null means "any". {@code since}/{@code until} are RFC 3339 instants (inclusive/exclusive). */
public record AuditQuery(String env, String kind, String uid, String actor, String since, String until) {
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);
}
