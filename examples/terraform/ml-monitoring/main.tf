# A folder, a Prometheus datasource and the "ML Model Monitoring" dashboard from the product brief.
# Applied by the provider tests (see tf-provider tests) against a real server.
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

# The API token comes from DASHPLANE_TOKEN (see docs/security.md).
provider "dashplane" {
  url = var.dashplane_url
}

resource "dashplane_folder" "ml" {
  uid   = "ml"
  title = "Machine learning"
}

# The dashboard refers to its datasource by uid "Prometheus".
resource "dashplane_datasource" "prometheus" {
  uid        = "Prometheus"
  name       = "Prometheus"
  type       = "prometheus"
  url        = "http://prometheus:9090"
  is_default = true
  json_data_encoded = jsonencode({
    httpMethod   = "POST"
    timeInterval = "15s"
  })
}

# `terraform plan` already checks the dashboard with the server (docs/resources/dashboard.md): a blank title,
# a panel wider than the grid, an undefined $variable or a datasource that does not exist fail the plan.
# The folder and the datasource are created by this same run: the reference and depends_on make Terraform
# plan them first, so the check counts them as existing.
resource "dashplane_dashboard" "ml_model_monitoring" {
  folder      = dashplane_folder.ml.uid
  config_json = file("${path.module}/ml-model-monitoring.json")
  message     = "managed by terraform"
  depends_on  = [dashplane_datasource.prometheus]
}

output "dashboard_url" {
  value = dashplane_dashboard.ml_model_monitoring.url
}
