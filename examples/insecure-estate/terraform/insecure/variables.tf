variable "env" {
  description = "Deployment environment."
  type        = string
  default     = "prod"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.env)
    error_message = "env must be dev, staging or prod."
  }
}

variable "region" {
  description = "Primary AWS region."
  type        = string
  default     = "us-east-1"
}

variable "dr_region" {
  description = "Disaster-recovery region."
  type        = string
  default     = "us-west-2"
}

variable "vpc_id" {
  description = "VPC of the clinic platform (owned by the network stack)."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets for the portal load balancer."
  type        = list(string)
}

variable "portal_certificate_arn" {
  description = "ACM certificate of portal.northwind-clinic.example."
  type        = string
}

variable "phi_buckets" {
  description = "PHI buckets of the platform, by purpose."
  type = map(object({
    retention_days = number
  }))
}

variable "db_engine_version" {
  description = "PostgreSQL version of the patient database."
  type        = string
  default     = "11.22"
}
