variable "name" { type = string }
variable "account_id" { type = string }
variable "region" { type = string }
variable "vpc_id" { type = string }
variable "subnet_ids" { type = list(string) }
variable "app_sg_id" { type = string }
variable "logs_bucket" { type = string }
variable "instance_class" { type = string }
variable "backup_retention_days" {
  type    = number
  default = 35
}
