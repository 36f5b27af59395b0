# Alerting for the "ML Model Monitoring" dashboard (../ml-monitoring): the same scenario as
# examples/alerting/ml-alerting.yaml (Grafana provisioning format), as Terraform resources.
# Two alert rules in one rule group, routed by the `team` label to a Slack contact point with a
# PagerDuty escalation route for critical alerts, muted during weekly maintenance, with a message
# template. Applied by the provider tests (MlAlertingExampleIT, TerraformCliIT) against a real server.
terraform {
  required_providers {
    dashplane = {
      source  = "dashplane/dashplane"
      version = "0.1.0"
    }
  }
}

variable "dashplane_url" {
  type    = string
  default = "http://127.0.0.1:8080"
}

variable "slack_webhook_url" {
  type      = string
  sensitive = true
  default   = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
}

variable "pagerduty_integration_key" {
  type      = string
  sensitive = true
  default   = "00000000000000000000000000000000"
}

provider "dashplane" {
  url = var.dashplane_url
}

resource "dashplane_folder" "ml" {
  uid   = "ml"
  title = "Machine learning"
}

# The rules query the datasource with uid "Prometheus".
resource "dashplane_datasource" "prometheus" {
  uid  = "Prometheus"
  name = "Prometheus"
  type = "prometheus"
  url  = "http://prometheus:9090"
}

resource "dashplane_message_template" "ml" {
  name     = "ml-notifications"
  template = <<-EOT
    {{ define "ml.title" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.model_name }}){{ end }}
    {{ define "ml.text" }}{{ range .Alerts }}{{ .Annotations.summary }}
    {{ end }}{{ end }}
  EOT
}

resource "dashplane_mute_timing" "weekly_maintenance" {
  uid  = "weekly-maintenance"
  name = "weekly-maintenance"
  time_intervals_json = jsonencode([{
    times    = [{ start_time = "02:00", end_time = "04:00" }]
    weekdays = ["sunday"]
    location = "UTC"
  }])
}

resource "dashplane_contact_point" "slack" {
  uid  = "ml-slack"
  name = "ml-slack"
  slack {
    url       = var.slack_webhook_url
    recipient = "#ml-alerts"
    title     = "{{ template \"ml.title\" . }}"
    text      = "{{ template \"ml.text\" . }}"
  }
  depends_on = [dashplane_message_template.ml]
}

resource "dashplane_contact_point" "pagerduty" {
  uid  = "ml-pagerduty"
  name = "ml-pagerduty"
  pagerduty {
    integration_key = var.pagerduty_integration_key
    severity        = "critical"
    summary         = "{{ template \"ml.title\" . }}"
  }
  depends_on = [dashplane_message_template.ml]
}

resource "dashplane_notification_policy" "root" {
  contact_point   = dashplane_contact_point.slack.name
  group_by        = ["grafana_folder", "alertname"]
  group_wait      = "30s"
  group_interval  = "5m"
  repeat_interval = "4h"
}

# Alerts of the ML team go to Slack ...
resource "dashplane_notification_route" "ml_team" {
  uid                 = "ml-team"
  contact_point       = dashplane_contact_point.slack.name
  object_matchers     = [["team", "=", "ml"]]
  group_by            = ["alertname", "model_name"]
  mute_time_intervals = [dashplane_mute_timing.weekly_maintenance.name]
  depends_on          = [dashplane_notification_policy.root]
}

# ... and critical ones are escalated to PagerDuty.
resource "dashplane_notification_route" "ml_pagerduty" {
  uid                 = "ml-pagerduty"
  parent_uid          = dashplane_notification_route.ml_team.uid
  contact_point       = dashplane_contact_point.pagerduty.name
  object_matchers     = [["severity", "=", "critical"]]
  mute_time_intervals = [dashplane_mute_timing.weekly_maintenance.name]
  repeat_interval     = "1h"
}

resource "dashplane_rule_group" "ml_model_health" {
  folder_uid = dashplane_folder.ml.uid
  name       = "ml-model-health"
  interval   = "1m"
}

locals {
  # A datasource query, a reduce and a threshold: the shape Grafana's rule editor writes.
  threshold_rule = {
    for name, rule in {
      latency = { expr = "histogram_quantile(0.99, sum(rate(ml_prediction_latency_seconds_bucket[5m])) by (le, model_name))", reducer = "last", threshold = 0.5 }
      drift   = { expr = "max(ml_data_drift_score) by (model_name)", reducer = "max", threshold = 0.25 }
      } : name => [
      {
        refId             = "A"
        relativeTimeRange = { from = 600, to = 0 }
        datasourceUid     = dashplane_datasource.prometheus.uid
        model             = { refId = "A", expr = rule.expr, instant = true, range = false }
      },
      {
        refId         = "B"
        datasourceUid = "__expr__"
        model         = { refId = "B", type = "reduce", expression = "A", reducer = rule.reducer }
      },
      {
        refId         = "C"
        datasourceUid = "__expr__"
        model = {
          refId      = "C", type = "threshold", expression = "B"
          conditions = [{ evaluator = { type = "gt", params = [rule.threshold] } }]
        }
      },
    ]
  }
}

resource "dashplane_alert_rule" "p99_latency" {
  uid            = "ml-p99-latency-high"
  title          = "ML p99 prediction latency above 500ms"
  folder_uid     = dashplane_rule_group.ml_model_health.folder_uid
  rule_group     = dashplane_rule_group.ml_model_health.name
  condition      = "C"
  data_json      = jsonencode(local.threshold_rule.latency)
  for            = "5m"
  no_data_state  = "NoData"
  exec_err_state = "Error"
  labels         = { team = "ml", severity = "warning" }
  annotations = {
    summary          = "p99 prediction latency of {{ $labels.model_name }} is {{ humanizeDuration $values.B.Value }}"
    description      = "The 99th percentile of ml_prediction_latency_seconds has been above 0.5 s for 5 minutes."
    __dashboardUid__ = "ml-model-monitoring-v1"
    __panelId__      = "2"
  }
  is_paused = false
}

resource "dashplane_alert_rule" "data_drift" {
  uid            = "ml-data-drift-high"
  title          = "ML data drift score above 0.25"
  folder_uid     = dashplane_rule_group.ml_model_health.folder_uid
  rule_group     = dashplane_rule_group.ml_model_health.name
  condition      = "C"
  data_json      = jsonencode(local.threshold_rule.drift)
  for            = "10m"
  no_data_state  = "OK"
  exec_err_state = "Error"
  labels         = { team = "ml", severity = "critical" }
  annotations = {
    summary          = "data drift of {{ $labels.model_name }} is {{ printf \"%.2f\" $values.B.Value }}"
    __dashboardUid__ = "ml-model-monitoring-v1"
    __panelId__      = "3"
  }
  is_paused  = false
  depends_on = [dashplane_alert_rule.p99_latency]
}

output "rule_uids" {
  value = [dashplane_alert_rule.p99_latency.uid, dashplane_alert_rule.data_drift.uid]
}
