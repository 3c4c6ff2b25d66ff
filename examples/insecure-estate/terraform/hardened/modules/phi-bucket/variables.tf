variable "name" {
  description = "Bucket name."
  type        = string
}

variable "tags" {
  description = "Tags of the bucket (include DataClassification = \"PHI\")."
  type        = map(string)
  default     = {}
}

variable "retention_days" {
  description = "Days to keep noncurrent versions."
  type        = number
  default     = 2555
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for default encryption (the PHI key)."
  type        = string
}

variable "access_log_bucket" {
  description = "Bucket that receives the server access logs."
  type        = string
}

variable "replication_role_arn" {
  description = "Role S3 assumes to replicate objects."
  type        = string
}

variable "replica_bucket_arn" {
  description = "Destination bucket in the disaster-recovery region."
  type        = string
}

variable "replica_kms_key_arn" {
  description = "KMS key of the destination region for replicas."
  type        = string
}
