output "phi_bucket_arns" {
  value = { for purpose, bucket in module.phi_bucket : purpose => bucket.bucket_arn }
}

output "patient_db_endpoint" {
  value = aws_db_instance.patient.address
}

output "portal_dns_name" {
  value = aws_lb.portal.dns_name
}
