# A dashboard exported from Grafana with "Export for sharing externally": its datasource is declared in
# __inputs and referred to as ${DS_PROMETHEUS}. inputs binds it to this environment's datasource, as
# Grafana's import does; the server stores the resolved dashboard, the JSON file stays as exported.
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

provider "dashplane" {
  url = var.dashplane_url
}

resource "dashplane_datasource" "prom" {
  name = "Prometheus (shared example)"
  type = "prometheus"
  url  = "http://prometheus:9090"
}

resource "dashplane_dashboard" "scrape_health" {
  config_json = file("${path.module}/scrape-health-shared.json")
  inputs      = { DS_PROMETHEUS = dashplane_datasource.prom.uid }
}

output "dashboard_url" {
  value = dashplane_dashboard.scrape_health.url
}
