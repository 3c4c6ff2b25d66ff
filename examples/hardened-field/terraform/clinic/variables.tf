variable "region" {
  type    = string
  default = "us-east-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "account_id" {
  type        = string
  description = "Account the estate is deployed to (used to build ARNs known at plan time)."
  default     = "111122223333"
}

variable "vpc_cidr" {
  type    = string
  default = "10.60.0.0/16"
}

variable "azs" {
  type    = list(string)
  default = ["us-east-1a", "us-east-1b"]
}

variable "log_retention_days" {
  type    = number
  default = 2557
}

variable "db_instance_class" {
  type    = string
  default = "db.r6g.large"
}
