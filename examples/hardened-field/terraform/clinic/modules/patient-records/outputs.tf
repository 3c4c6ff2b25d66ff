output "kms_key_arn" { value = aws_kms_key.phi.arn }
output "table_arn" { value = aws_dynamodb_table.encounters.arn }
output "table_name" { value = aws_dynamodb_table.encounters.name }
output "db_secret_arn" { value = aws_db_instance.records.master_user_secret[0].secret_arn }
output "documents_bucket" { value = aws_s3_bucket.documents.id }
