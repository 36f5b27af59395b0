# Staging and prod, each pushed to its own Grafana by a sync target. Content is authored in staging (here by
# Terraform); prod receives it only through a promotion (promote.json), and prod's sync target then pushes it
# to prod's Grafana. See README.md and docs/delivery.md.
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

variable "grafana_staging_url" {
  type        = string
  description = "base URL of staging's Grafana"
}

variable "grafana_prod_url" {
  type        = string
  description = "base URL of prod's Grafana"
}

variable "grafana_staging_token" {
  type        = string
  sensitive   = true
  description = "service-account token (Admin) of staging's Grafana"
}

variable "grafana_prod_token" {
  type        = string
  sensitive   = true
  description = "service-account token (Admin) of prod's Grafana"
}

provider "dashplane" {
  url = var.dashplane_url
}

resource "dashplane_environment" "staging" {
  name        = "staging"
  description = "pre-production"
}

resource "dashplane_environment" "prod" {
  name        = "prod"
  description = "production"
}

# Each environment's Grafana. The server pushes folders, datasources, dashboards and alerting there on every
# change and every resync_interval; objects changed by hand in that Grafana are reverted (drift = "revert").
resource "dashplane_sync_target" "staging" {
  environment     = dashplane_environment.staging.name
  name            = "grafana-staging"
  url             = var.grafana_staging_url
  token           = var.grafana_staging_token
  resync_interval = "1m"
}

resource "dashplane_sync_target" "prod" {
  environment = dashplane_environment.prod.name
  name        = "grafana-prod"
  url         = var.grafana_prod_url
  token       = var.grafana_prod_token
  drift       = "report" # prod's on-call may hot-fix a dashboard in Grafana: report it, do not undo it
}

# One Prometheus per environment: same name and type, different uid. A promotion maps the dashboard's
# datasource references by name and type, so prod's copy queries prod's Prometheus.
resource "dashplane_datasource" "prometheus_staging" {
  environment = dashplane_environment.staging.name
  uid         = "prometheus-staging"
  name        = "Prometheus"
  type        = "prometheus"
  url         = "http://prometheus.staging:9090"
}

resource "dashplane_datasource" "prometheus_prod" {
  environment = dashplane_environment.prod.name
  uid         = "prometheus-prod"
  name        = "Prometheus"
  type        = "prometheus"
  url         = "http://prometheus.prod:9090"
}

resource "dashplane_folder" "ml" {
  environment = dashplane_environment.staging.name
  uid         = "ml"
  title       = "Machine learning"
}

resource "dashplane_dashboard" "model_latency" {
  environment = dashplane_environment.staging.name
  folder      = dashplane_folder.ml.uid
  config_json = file("${path.module}/model-latency.json")
  # written after the target exists, so that target_urls already names it
  depends_on = [dashplane_datasource.prometheus_staging, dashplane_sync_target.staging]
}

output "model_latency_in_staging_grafana" {
  description = "where the dashboard is in staging's Grafana"
  value       = dashplane_dashboard.model_latency.target_urls["grafana-staging"]
}
