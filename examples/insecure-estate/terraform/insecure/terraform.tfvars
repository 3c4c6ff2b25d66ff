env                    = "prod"
region                 = "us-east-1"
dr_region              = "us-west-2"
vpc_id                 = "vpc-0a1b2c3d4e5f60718"
public_subnet_ids      = ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]
portal_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/4f1c2b9e-7d3a-4e8b-9c61-0d2e5a7b8c90"

phi_buckets = {
  "clinical-notes" = { retention_days = 2555 }
  "lab-results"    = { retention_days = 2555 }
}
