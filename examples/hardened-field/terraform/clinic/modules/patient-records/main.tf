locals {
  documents_bucket = "${var.name}-patient-documents-${var.account_id}"
  phi_tags         = { DataClassification = "PHI", Backup = "daily" }
}

resource "aws_kms_key" "phi" {
  description             = "${var.name} PHI data"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "KeyAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.account_id}:role/SecurityAdmin" }
        Action = [
          "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*",
          "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource",
          "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
        ]
        Resource = "*"
      },
      {
        Sid       = "UseThroughServices"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.account_id}:root" }
        Action    = ["kms:Decrypt", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"]
        Resource  = "*"
        Condition = {
          StringEquals = {
            "kms:CallerAccount" = var.account_id
          }
          StringLike = {
            "kms:ViaService" = [
              "rds.${var.region}.amazonaws.com",
              "s3.${var.region}.amazonaws.com",
              "dynamodb.${var.region}.amazonaws.com",
              "sqs.${var.region}.amazonaws.com",
              "secretsmanager.${var.region}.amazonaws.com",
              "backup.${var.region}.amazonaws.com",
              "lambda.${var.region}.amazonaws.com",
            ]
          }
        }
      },
    ]
  })
  tags = local.phi_tags
}

resource "aws_kms_alias" "phi" {
  name          = "alias/${var.name}-phi"
  target_key_id = aws_kms_key.phi.key_id
}

# ------------------------------------------------------------------ documents bucket
resource "aws_s3_bucket" "documents" {
  bucket = local.documents_bucket
  tags   = local.phi_tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "documents" {
  bucket                  = aws_s3_bucket.documents.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "documents" {
  bucket = aws_s3_bucket.documents.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "documents" {
  bucket        = aws_s3_bucket.documents.id
  target_bucket = var.logs_bucket
  target_prefix = "patient-documents/"
}

resource "aws_s3_bucket_lifecycle_configuration" "documents" {
  bucket = aws_s3_bucket.documents.id
  rule {
    id     = "noncurrent"
    status = "Enabled"
    filter {}
    noncurrent_version_transition {
      noncurrent_days = 30
      storage_class   = "GLACIER"
    }
    noncurrent_version_expiration {
      noncurrent_days = 2555
    }
  }
}

resource "aws_s3_bucket_policy" "documents" {
  bucket = aws_s3_bucket.documents.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::${local.documents_bucket}", "arn:aws:s3:::${local.documents_bucket}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenyWrongEncryption"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::${local.documents_bucket}/*"
        Condition = { StringNotEquals = { "s3:x-amz-server-side-encryption" = "aws:kms" } }
      },
    ]
  })
}

# ------------------------------------------------------------------ DynamoDB
resource "aws_dynamodb_table" "encounters" {
  name                        = "${var.name}-encounters"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "patientId"
  range_key                   = "encounterId"
  deletion_protection_enabled = true

  attribute {
    name = "patientId"
    type = "S"
  }

  attribute {
    name = "encounterId"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }

  point_in_time_recovery {
    enabled = true
  }

  tags = local.phi_tags
}

# ------------------------------------------------------------------ RDS PostgreSQL
resource "aws_db_subnet_group" "records" {
  name       = "${var.name}-records"
  subnet_ids = var.subnet_ids
}

resource "aws_security_group" "database" {
  name        = "${var.name}-records-db"
  description = "PostgreSQL from the application tier only"
  vpc_id      = var.vpc_id

  ingress {
    description     = "PostgreSQL from the application tier"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [var.app_sg_id]
  }
}

resource "aws_db_parameter_group" "records" {
  name   = "${var.name}-records-pg16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }
}

resource "aws_iam_role" "monitoring" {
  name = "${var.name}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  role       = aws_iam_role.monitoring.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "records" {
  identifier                            = "${var.name}-records"
  engine                                = "postgres"
  engine_version                        = "16.4"
  instance_class                        = var.instance_class
  allocated_storage                     = 100
  max_allocated_storage                 = 500
  storage_type                          = "gp3"
  storage_encrypted                     = true
  kms_key_id                            = aws_kms_key.phi.arn
  db_name                               = "records"
  username                              = "records_admin"
  manage_master_user_password           = true
  master_user_secret_kms_key_id         = aws_kms_key.phi.arn
  iam_database_authentication_enabled   = true
  db_subnet_group_name                  = aws_db_subnet_group.records.name
  vpc_security_group_ids                = [aws_security_group.database.id]
  parameter_group_name                  = aws_db_parameter_group.records.name
  publicly_accessible                   = false
  multi_az                              = true
  backup_retention_period               = var.backup_retention_days
  copy_tags_to_snapshot                 = true
  deletion_protection                   = true
  skip_final_snapshot                   = false
  final_snapshot_identifier             = "${var.name}-records-final"
  auto_minor_version_upgrade            = true
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.phi.arn
  monitoring_interval                   = 60
  monitoring_role_arn                   = aws_iam_role.monitoring.arn
  ca_cert_identifier                    = "rds-ca-rsa2048-g1"
  tags                                  = local.phi_tags
}

# ------------------------------------------------------------------ AWS Backup
resource "aws_backup_vault" "phi" {
  name        = "${var.name}-phi"
  kms_key_arn = aws_kms_key.phi.arn
}

resource "aws_backup_vault_lock_configuration" "phi" {
  backup_vault_name  = aws_backup_vault.phi.name
  min_retention_days = 35
  max_retention_days = 2600
}

resource "aws_backup_plan" "phi" {
  name = "${var.name}-phi"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.phi.name
    schedule          = "cron(0 5 ? * * *)"
    lifecycle {
      delete_after = 35
    }
    copy_action {
      destination_vault_arn = "arn:aws:backup:us-west-2:${var.account_id}:backup-vault:${var.name}-dr"
      lifecycle {
        delete_after = 35
      }
    }
  }
}

resource "aws_iam_role" "backup" {
  name = "${var.name}-backup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "backup.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_backup_selection" "phi" {
  name         = "phi-tagged"
  plan_id      = aws_backup_plan.phi.id
  iam_role_arn = aws_iam_role.backup.arn

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "DataClassification"
    value = "PHI"
  }
}
