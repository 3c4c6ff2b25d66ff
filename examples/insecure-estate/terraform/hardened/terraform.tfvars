env                    = "prod"
region                 = "us-east-1"
dr_region              = "us-west-2"
account_id             = "111122223333"
vpc_id                 = "vpc-0a1b2c3d4e5f60718"
public_subnet_ids      = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88", "subnet-0cc99dd00ee11ff22"]
app_subnet_ids         = ["subnet-0a1a2a3a4a5a6a7a8", "subnet-0b1b2b3b4b5b6b7b8", "subnet-0c1c2c3c4c5c6c7c8"]
data_subnet_ids        = ["subnet-0d1d2d3d4d5d6d7d8", "subnet-0e1e2e3e4e5e6e7e8", "subnet-0f1f2f3f4f5f6f7f8"]
portal_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/4f1c2b9e-7d3a-4e8b-9c61-0d2e5a7b8c90"
portal_web_acl_arn     = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/northwind-prod-portal/2b7c1f7e-5a3d-4c1e-8f0a-9d6e4b3c2a10"
dr_backup_vault_arn    = "arn:aws:backup:us-west-2:111122223333:backup-vault:northwind-prod-dr"

phi_buckets = {
  "clinical-notes" = {
    retention_days     = 2555
    replica_bucket_arn = "arn:aws:s3:::northwind-prod-clinical-notes-dr"
  }
  "lab-results" = {
    retention_days     = 2555
    replica_bucket_arn = "arn:aws:s3:::northwind-prod-lab-results-dr"
  }
}

log_replica_bucket_arns = {
  audit   = "arn:aws:s3:::northwind-prod-audit-logs-dr"
  access  = "arn:aws:s3:::northwind-prod-access-logs-dr"
  kms_key = "arn:aws:kms:us-west-2:111122223333:key/8e2d4c6a-1b3f-4a5e-9d7c-2f0e1a3b5c7d"
}

security_alert_emails = ["security-oncall@northwind-clinic.example"]
