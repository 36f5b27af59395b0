# The ML monitoring content of one environment: a folder, a dashboard and an alert rule whose queries
# use the environment's Prometheus datasource. When the datasource is managed elsewhere (by each
# environment's platform team), look it up by name and pass its uid:
#
#   data "dashplane_datasource" "prometheus" {
#     environment = "dev"
#     name        = "Prometheus"
#   }
#   ... prometheus_uid = data.dashplane_datasource.prometheus.uid
terraform {
  required_providers {
    dashplane = {
      source = "dashplane/dashplane"
    }
  }
}

variable "environment" {
  type        = string
  description = "environment to write into"
}

variable "prometheus_uid" {
  type        = string
  description = "uid of the environment's Prometheus datasource"
}

variable "latency_threshold_seconds" {
  type    = number
  default = 0.5
}

locals {
  datasource  = { type = "prometheus", uid = var.prometheus_uid }
  p99_latency = "histogram_quantile(0.99, sum(rate(ml_prediction_latency_seconds_bucket[5m])) by (le, model_name))"
}

resource "dashplane_folder" "ml" {
  environment = var.environment
  uid         = "ml"
  title       = "Machine learning"
}

resource "dashplane_dashboard" "ml" {
  environment = var.environment
  folder      = dashplane_folder.ml.uid
  config_json = jsonencode({
    uid           = "ml-model-monitoring"
    title         = "ML Model Monitoring"
    schemaVersion = 39
    panels = [{
      id         = 1
      type       = "timeseries"
      title      = "p99 prediction latency"
      gridPos    = { x = 0, y = 0, w = 24, h = 8 }
      datasource = local.datasource
      targets    = [{ refId = "A", datasource = local.datasource, expr = local.p99_latency }]
    }]
  })
}

resource "dashplane_rule_group" "ml" {
  environment = var.environment
  folder_uid  = dashplane_folder.ml.uid
  name        = "ml-model-health"
  interval    = "1m"
}

resource "dashplane_alert_rule" "p99_latency" {
  environment = var.environment
  uid         = "ml-p99-latency-high"
  title       = "ML p99 prediction latency too high"
  folder_uid  = dashplane_rule_group.ml.folder_uid
  rule_group  = dashplane_rule_group.ml.name
  condition   = "C"
  data_json = jsonencode([
    { refId = "A", relativeTimeRange = { from = 600, to = 0 }, datasourceUid = local.datasource.uid,
    model = { refId = "A", expr = local.p99_latency, instant = true } },
    { refId = "B", datasourceUid = "__expr__", model = { refId = "B", type = "reduce", expression = "A", reducer = "last" } },
    { refId = "C", datasourceUid = "__expr__", model = { refId = "C", type = "threshold", expression = "B",
    conditions = [{ evaluator = { type = "gt", params = [var.latency_threshold_seconds] } }] } },
  ])
  for    = "5m"
  labels = { team = "ml", environment = var.environment }
  annotations = {
    __dashboardUid__ = dashplane_dashboard.ml.uid
    __panelId__      = "1"
  }
}

output "dashboard_url" {
  value = dashplane_dashboard.ml.url
}
