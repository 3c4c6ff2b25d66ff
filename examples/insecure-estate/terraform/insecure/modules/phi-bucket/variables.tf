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
