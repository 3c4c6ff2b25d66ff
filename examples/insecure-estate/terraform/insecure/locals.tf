locals {
  name_prefix = "northwind-${var.env}"

  common_tags = {
    Application = "northwind-clinic"
    Environment = var.env
    ManagedBy   = "terraform"
  }

  # Resources that store or process ePHI carry this tag: it puts them inside Safeguard's PHI boundary.
  phi_tags = merge(local.common_tags, { DataClassification = "PHI" })

  phi_buckets = { for purpose, settings in var.phi_buckets : purpose => merge(settings, {
    name = "${local.name_prefix}-${purpose}"
  }) }
}
