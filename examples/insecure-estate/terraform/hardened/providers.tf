terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  # The state bucket predates the platform team; it is managed by hand (see the runbook).
  backend "s3" {
    bucket = "northwind-terraform-state"
    key    = "clinic-platform/terraform.tfstate"
    region = "us-east-1"
  }
}

provider "aws" {
  region = var.region
}

# Disaster-recovery region: the key for cross-region copies lives there.
provider "aws" {
  alias  = "dr"
  region = var.dr_region
}
