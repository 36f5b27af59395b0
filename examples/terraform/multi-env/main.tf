# One module (modules/ml-monitoring) applied to three environments: dev, staging and prod. Each
# environment has its own Prometheus datasource with its own (generated) uid; the module is given that
# uid, so the same module code writes correct references everywhere.
#
# The module depends on each datasource through its uid, not through a module-level depends_on: a
# depends_on makes Terraform defer every data source read in the module to apply time whenever the
# datasource has any change, so changing one URL would show every dashboard and rule as
# "known after apply". The uid stays known across updates, so changing dev's URL plans one change.
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

locals {
  environments = {
    dev     = { description = "development", prometheus_url = "http://prometheus.dev:9090" }
    staging = { description = "pre-production", prometheus_url = "http://prometheus.staging:9090" }
    prod    = { description = "production", prometheus_url = "http://prometheus.prod:9090" }
  }
}

resource "dashplane_environment" "env" {
  for_each    = local.environments
  name        = each.key
  description = each.value.description
}

# Usually managed by each environment's platform team; here for a self-contained example. The uids
# differ per environment (generated), the name is the same.
resource "dashplane_datasource" "prometheus" {
  for_each    = local.environments
  environment = dashplane_environment.env[each.key].name
  name        = "Prometheus"
  type        = "prometheus"
  url         = each.value.prometheus_url
}

module "ml_monitoring" {
  source         = "./modules/ml-monitoring"
  for_each       = local.environments
  environment    = dashplane_environment.env[each.key].name
  prometheus_uid = dashplane_datasource.prometheus[each.key].uid
  # p99 latency threshold per environment
  latency_threshold_seconds = each.key == "prod" ? 0.5 : 2
}

output "dashboard_urls" {
  value = { for env, m in module.ml_monitoring : env => m.dashboard_url }
}
