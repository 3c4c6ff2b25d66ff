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

variable "account_id" {
  description = "AWS account of the clinic platform (key policies name its root)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the clinic platform (owned by the network stack)."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets: the portal load balancer only."
  type        = list(string)
}

variable "app_subnet_ids" {
  description = "Application subnets (Lambda functions)."
  type        = list(string)
}

variable "data_subnet_ids" {
  description = "Data subnets (no route to the internet): the patient database."
  type        = list(string)
}

variable "portal_certificate_arn" {
  description = "ACM certificate of portal.northwind-clinic.example."
  type        = string
}

variable "portal_web_acl_arn" {
  description = "WAF web ACL of the portal (owned by the edge stack: managed rule groups, rate rules, logging)."
  type        = string
}

variable "dr_backup_vault_arn" {
  description = "Backup vault in the disaster-recovery region that receives copies."
  type        = string
}

variable "phi_buckets" {
  description = "PHI buckets of the platform, by purpose, each with its replica in the DR region."
  type = map(object({
    retention_days     = number
    replica_bucket_arn = string
  }))
}

variable "log_replica_bucket_arns" {
  description = "Replicas of the audit-log and access-log buckets in the DR region, and the DR region's logs key."
  type = object({
    audit   = string
    access  = string
    kms_key = string
  })
}

variable "db_engine_version" {
  description = "PostgreSQL version of the patient database."
  type        = string
  default     = "16.4"
}

variable "security_alert_emails" {
  description = "Who is notified of security alarms."
  type        = list(string)
  default     = []
}
