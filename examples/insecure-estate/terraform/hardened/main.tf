# Northwind Clinic: the patient-portal data tier and lab-results ingestion, hardened. Same workloads as
# ../insecure; every gap there is closed here, and the comment above a resource says which requirement
# it serves.

# ---------------------------------------------------------------------------------------------------
# PHI buckets (clinical notes, lab results): one module instance per purpose.
# ---------------------------------------------------------------------------------------------------
module "phi_bucket" {
  source   = "./modules/phi-bucket"
  for_each = local.phi_buckets

  name                 = each.value.name
  retention_days       = each.value.retention_days
  tags                 = merge(local.phi_tags, { Purpose = each.key })
  kms_key_arn          = aws_kms_key.phi.arn
  access_log_bucket    = aws_s3_bucket.access_logs.id
  replication_role_arn = aws_iam_role.s3_replication["phi"].arn
  replica_bucket_arn   = each.value.replica_bucket_arn
  replica_kms_key_arn  = aws_kms_key.dr.arn
}

# Receives the S3 server access logs and the portal load balancer's access logs.
# SSE-S3 on purpose: S3 server access logs and ALB access logs are delivered only to SSE-S3 buckets.
# Safeguard recognises a server access log destination and does not ask it for SSE-KMS.
resource "aws_s3_bucket" "access_logs" {
  bucket = local.log_bucket_names.access
  tags   = merge(local.common_tags, { Purpose = "access-logs" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.log_bucket_arns.access, "${local.log_bucket_arns.access}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "S3ServerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.log_bucket_arns.access}/s3/*"
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
      {
        Sid       = "LoadBalancerAccessLogs"
        Effect    = "Allow"
        Principal = { Service = "logdelivery.elasticloadbalancing.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.log_bucket_arns.access}/alb/AWSLogs/${var.account_id}/*"
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "archive"
    status = "Enabled"

    filter {}

    transition {
      days          = 90
      storage_class = "GLACIER"
    }

    expiration {
      days = 2192
    }
  }
}

resource "aws_s3_bucket_replication_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  role   = aws_iam_role.s3_replication["logs"].arn

  rule {
    id     = "to-dr-region"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Enabled"
    }

    destination {
      bucket = var.log_replica_bucket_arns.access
    }
  }

  depends_on = [aws_s3_bucket_versioning.access_logs]
}

# S3 replication roles: one for the PHI buckets, one for the log buckets (each can touch only its own).
resource "aws_iam_role" "s3_replication" {
  for_each = toset(["phi", "logs"])

  name = "${local.name_prefix}-s3-replication-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "s3.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })
  tags = local.common_tags
}

resource "aws_iam_policy" "phi_replication" {
  name = "${local.name_prefix}-s3-replication-phi"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadSource"
        Effect = "Allow"
        Action = ["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
        Resource = concat(
          [for bucket in local.phi_buckets : "arn:aws:s3:::${bucket.name}"],
          [for bucket in local.phi_buckets : "arn:aws:s3:::${bucket.name}/*"],
        )
      },
      {
        Sid      = "WriteReplicas"
        Effect   = "Allow"
        Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
        Resource = [for settings in values(var.phi_buckets) : "${settings.replica_bucket_arn}/*"]
      },
      {
        Sid      = "DecryptSource"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "*"
        Condition = {
          StringEquals               = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" }
          "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = "alias/${local.name_prefix}-phi" }
        }
      },
      {
        Sid      = "EncryptReplicas"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource = "*"
        Condition = {
          StringEquals               = { "kms:ViaService" = "s3.${var.dr_region}.amazonaws.com" }
          "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = "alias/${local.name_prefix}-dr" }
        }
      },
    ]
  })
}

resource "aws_iam_policy" "log_replication" {
  name = "${local.name_prefix}-s3-replication-logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadSource"
        Effect   = "Allow"
        Action   = ["s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]
        Resource = flatten([for arn in values(local.log_bucket_arns) : [arn, "${arn}/*"]])
      },
      {
        Sid      = "WriteReplicas"
        Effect   = "Allow"
        Action   = ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]
        Resource = ["${var.log_replica_bucket_arns.audit}/*", "${var.log_replica_bucket_arns.access}/*"]
      },
      {
        Sid      = "DecryptSource"
        Effect   = "Allow"
        Action   = ["kms:Decrypt"]
        Resource = "*"
        Condition = {
          StringEquals               = { "kms:ViaService" = "s3.${var.region}.amazonaws.com" }
          "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = "alias/${local.name_prefix}-logs" }
        }
      },
      {
        Sid      = "EncryptReplicas"
        Effect   = "Allow"
        Action   = ["kms:Encrypt", "kms:GenerateDataKey"]
        Resource = [var.log_replica_bucket_arns.kms_key]
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "phi_replication" {
  role       = aws_iam_role.s3_replication["phi"].name
  policy_arn = aws_iam_policy.phi_replication.arn
}

resource "aws_iam_role_policy_attachment" "log_replication" {
  role       = aws_iam_role.s3_replication["logs"].name
  policy_arn = aws_iam_policy.log_replication.arn
}

# ---------------------------------------------------------------------------------------------------
# Keys (R-INF-2: customer-managed, rotated, 30-day window, PHI data and logs kept apart)
# ---------------------------------------------------------------------------------------------------

resource "aws_kms_key" "phi" {
  description             = "Northwind PHI data key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AccountAdministersThroughIam"
      Effect    = "Allow"
      Principal = { AWS = local.account_root }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
  tags = local.phi_tags
}

resource "aws_kms_alias" "phi" {
  name          = "alias/${local.name_prefix}-phi"
  target_key_id = aws_kms_key.phi.key_id
}

resource "aws_kms_key" "logs" {
  description             = "Northwind logs key (CloudTrail, CloudWatch Logs, security alerts)"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministersThroughIam"
        Effect    = "Allow"
        Principal = { AWS = local.account_root }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsEncrypt"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = { ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:${var.region}:${var.account_id}:*" } }
      },
      {
        Sid       = "CloudTrailEncrypt"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:DescribeKey"]
        Resource  = "*"
        Condition = { StringLike = { "kms:EncryptionContext:aws:cloudtrail:arn" = "arn:aws:cloudtrail:*:${var.account_id}:trail/*" } }
      },
      {
        Sid       = "CloudWatchAlarmsPublish"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
        Resource  = "*"
      },
    ]
  })
  tags = local.common_tags
}

resource "aws_kms_alias" "logs" {
  name          = "alias/${local.name_prefix}-logs"
  target_key_id = aws_kms_key.logs.key_id
}

# Key for cross-region copies (S3 replicas), in the disaster-recovery region.
resource "aws_kms_key" "dr" {
  provider                = aws.dr
  description             = "Northwind DR copies key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.phi_tags
}

resource "aws_kms_alias" "dr" {
  provider      = aws.dr
  name          = "alias/${local.name_prefix}-dr"
  target_key_id = aws_kms_key.dr.key_id
}

# ---------------------------------------------------------------------------------------------------
# Patient database (RDS PostgreSQL, R-INF-3)
# ---------------------------------------------------------------------------------------------------

resource "aws_db_parameter_group" "patient" {
  name   = "${local.name_prefix}-patient-pg16"
  family = "postgres16"

  # 164.312(e)(1): clients must use TLS.
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_min_duration_statement"
    value = "2000"
  }
}

resource "aws_db_subnet_group" "patient" {
  name       = "${local.name_prefix}-patient"
  subnet_ids = var.data_subnet_ids
}

resource "aws_security_group" "database" {
  name        = "${local.name_prefix}-database"
  description = "Patient database"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

resource "aws_vpc_security_group_ingress_rule" "database_from_lab_ingest" {
  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = aws_security_group.lab_ingest.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "Lab-results ingestion"
}

resource "aws_iam_role" "rds_monitoring" {
  name = "${local.name_prefix}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.common_tags
}

resource "aws_iam_role_policy_attachment" "rds_monitoring" {
  role       = aws_iam_role.rds_monitoring.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_db_instance" "patient" {
  identifier                            = "${local.name_prefix}-patient"
  engine                                = "postgres"
  engine_version                        = var.db_engine_version
  instance_class                        = "db.m6g.large"
  allocated_storage                     = 200
  db_name                               = "patients"
  username                              = "portal_admin"
  manage_master_user_password           = true
  master_user_secret_kms_key_id         = aws_kms_key.phi.key_id
  iam_database_authentication_enabled   = true
  storage_encrypted                     = true
  kms_key_id                            = aws_kms_key.phi.arn
  publicly_accessible                   = false
  backup_retention_period               = 35
  multi_az                              = true
  deletion_protection                   = true
  skip_final_snapshot                   = false
  final_snapshot_identifier             = "${local.name_prefix}-patient-final"
  copy_tags_to_snapshot                 = true
  auto_minor_version_upgrade            = true
  enabled_cloudwatch_logs_exports       = ["postgresql", "upgrade"]
  monitoring_interval                   = 60
  monitoring_role_arn                   = aws_iam_role.rds_monitoring.arn
  performance_insights_enabled          = true
  performance_insights_kms_key_id       = aws_kms_key.phi.arn
  performance_insights_retention_period = 7
  parameter_group_name                  = aws_db_parameter_group.patient.name
  db_subnet_group_name                  = aws_db_subnet_group.patient.name
  vpc_security_group_ids                = [aws_security_group.database.id]
  tags                                  = local.phi_tags
}

# ---------------------------------------------------------------------------------------------------
# Appointments (DynamoDB)
# ---------------------------------------------------------------------------------------------------

resource "aws_dynamodb_table" "appointments" {
  name                        = "${local.name_prefix}-appointments"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "patientId"
  range_key                   = "appointmentAt"
  deletion_protection_enabled = true

  attribute {
    name = "patientId"
    type = "S"
  }

  attribute {
    name = "appointmentAt"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.phi.arn
  }

  tags = local.phi_tags
}

# ---------------------------------------------------------------------------------------------------
# AWS Backup: daily backups of the database and the table, copied to the DR region
# ---------------------------------------------------------------------------------------------------

resource "aws_backup_vault" "phi" {
  name        = "${local.name_prefix}-phi"
  kms_key_arn = aws_kms_key.phi.arn
  tags        = local.phi_tags
}

resource "aws_backup_plan" "phi" {
  name = "${local.name_prefix}-phi"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.phi.name
    schedule          = "cron(0 5 * * ? *)"

    lifecycle {
      delete_after = 35
    }

    copy_action {
      destination_vault_arn = var.dr_backup_vault_arn

      lifecycle {
        delete_after = 35
      }
    }
  }

  tags = local.common_tags
}

resource "aws_iam_role" "backup" {
  name = "${local.name_prefix}-backup"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "backup.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.common_tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_backup_selection" "phi" {
  name         = "${local.name_prefix}-phi"
  plan_id      = aws_backup_plan.phi.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_db_instance.patient.arn, aws_dynamodb_table.appointments.arn]
}

# ---------------------------------------------------------------------------------------------------
# Operations host: no inbound rule at all, reached through Session Manager (replaces the bastion)
# ---------------------------------------------------------------------------------------------------

resource "aws_security_group" "ops" {
  name        = "${local.name_prefix}-ops"
  description = "Operations host (Session Manager only)"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

resource "aws_vpc_security_group_egress_rule" "ops_https" {
  security_group_id = aws_security_group.ops.id
  cidr_ipv4         = "10.40.0.0/16"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "VPC interface endpoints (SSM, KMS, Logs)"
}

# ---------------------------------------------------------------------------------------------------
# Lab-results ingestion: SQS queue → Lambda function → RDS and S3
# ---------------------------------------------------------------------------------------------------

resource "aws_sqs_queue" "lab_results_dlq" {
  name                      = local.queue_names.lab_results_dlq
  message_retention_seconds = 1209600
  kms_master_key_id         = aws_kms_key.phi.arn
  tags                      = local.phi_tags
}

resource "aws_sqs_queue" "lab_results" {
  name                       = local.queue_names.lab_results
  message_retention_seconds  = 345600
  visibility_timeout_seconds = 180
  kms_master_key_id          = aws_kms_key.phi.arn
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.lab_results_dlq.arn
    maxReceiveCount     = 5
  })
  tags = local.phi_tags
}

resource "aws_sqs_queue_policy" "lab_results" {
  queue_url = aws_sqs_queue.lab_results.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = local.queue_arns.lab_results
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_sqs_queue_policy" "lab_results_dlq" {
  queue_url = aws_sqs_queue.lab_results_dlq.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "sqs:*"
      Resource  = local.queue_arns.lab_results_dlq
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

resource "aws_iam_role" "lab_ingest" {
  name = "${local.name_prefix}-lab-ingest"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })
  tags = local.common_tags
}

resource "aws_iam_role_policy_attachment" "lab_ingest_vpc" {
  role       = aws_iam_role.lab_ingest.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

# 164.308(a)(4): only what the function does: read the queue, write lab results, read its database secret.
resource "aws_iam_policy" "lab_ingest" {
  name        = "${local.name_prefix}-lab-ingest"
  description = "Lab-results ingestion: least privilege"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ConsumeLabResults"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        Resource = local.queue_arns.lab_results
      },
      {
        Sid      = "DeadLetter"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = local.queue_arns.lab_results_dlq
      },
      {
        Sid      = "WriteLabResults"
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = "arn:aws:s3:::${local.phi_buckets["lab-results"].name}/*"
      },
      {
        Sid      = "UsePhiKeyThroughSqsAndS3"
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = "*"
        Condition = {
          StringEquals                      = { "kms:ViaService" = ["sqs.${var.region}.amazonaws.com", "s3.${var.region}.amazonaws.com"] }
          "ForAnyValue:StringEquals" = { "kms:ResourceAliases" = "alias/${local.name_prefix}-phi" }
        }
      },
      {
        Sid      = "ReadDatabaseSecret"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:aws:secretsmanager:${var.region}:${var.account_id}:secret:rds!db-*"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "lab_ingest" {
  role       = aws_iam_role.lab_ingest.name
  policy_arn = aws_iam_policy.lab_ingest.arn
}

resource "aws_security_group" "lab_ingest" {
  name        = "${local.name_prefix}-lab-ingest"
  description = "Lab-results ingestion function"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

resource "aws_vpc_security_group_egress_rule" "lab_ingest_database" {
  security_group_id            = aws_security_group.lab_ingest.id
  referenced_security_group_id = aws_security_group.database.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_vpc_security_group_egress_rule" "lab_ingest_endpoints" {
  security_group_id = aws_security_group.lab_ingest.id
  cidr_ipv4         = "10.40.0.0/16"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "VPC endpoints (SQS, S3, KMS, Secrets Manager)"
}

resource "aws_lambda_function" "lab_ingest" {
  function_name                  = "${local.name_prefix}-lab-ingest"
  role                           = aws_iam_role.lab_ingest.arn
  runtime                        = "nodejs24.x"
  handler                        = "index.handler"
  filename                       = "${path.module}/build/lab-ingest.zip"
  timeout                        = 30
  memory_size                    = 512
  reserved_concurrent_executions = 10
  kms_key_arn                    = aws_kms_key.phi.arn

  vpc_config {
    subnet_ids         = var.app_subnet_ids
    security_group_ids = [aws_security_group.lab_ingest.id]
  }

  dead_letter_config {
    target_arn = aws_sqs_queue.lab_results_dlq.arn
  }

  tracing_config {
    mode = "Active"
  }

  # The database password is never in the configuration: the function reads the RDS-managed secret.
  environment {
    variables = {
      DB_HOST              = aws_db_instance.patient.address
      DB_SECRET_ARN        = aws_db_instance.patient.master_user_secret[0].secret_arn
      NOTES_BUCKET         = module.phi_bucket["lab-results"].bucket_id
      POWERTOOLS_LOG_LEVEL = "INFO"
    }
  }

  tags = local.phi_tags
}

resource "aws_lambda_event_source_mapping" "lab_results" {
  event_source_arn = aws_sqs_queue.lab_results.arn
  function_name    = aws_lambda_function.lab_ingest.arn
  batch_size       = 10
}

# 164.316(b)(2)(i): six years; encrypted with the logs key.
resource "aws_cloudwatch_log_group" "lab_ingest" {
  name              = "/aws/lambda/${aws_lambda_function.lab_ingest.function_name}"
  retention_in_days = 2192
  kms_key_id        = aws_kms_key.logs.arn
  tags              = local.common_tags
}

# ---------------------------------------------------------------------------------------------------
# Patient portal load balancer (R-INF-5: HTTPS only, TLS 1.2+, WAF)
# ---------------------------------------------------------------------------------------------------

resource "aws_security_group" "alb" {
  name        = "${local.name_prefix}-portal-alb"
  description = "Portal load balancer"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

# Port 80 only redirects to HTTPS (aws_lb_listener.http).
resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "alb_targets" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "10.40.0.0/16"
  ip_protocol       = "tcp"
  from_port         = 8080
  to_port           = 8080
}

resource "aws_lb" "portal" {
  name                       = "${local.name_prefix}-portal"
  load_balancer_type         = "application"
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = true

  access_logs {
    bucket  = aws_s3_bucket.access_logs.id
    prefix  = "alb"
    enabled = true
  }

  tags = local.common_tags
}

resource "aws_wafv2_web_acl_association" "portal" {
  resource_arn = aws_lb.portal.arn
  web_acl_arn  = var.portal_web_acl_arn
}

resource "aws_lb_target_group" "portal" {
  name        = "${local.name_prefix}-portal"
  port        = 8080
  protocol    = "HTTPS"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.portal_certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

# ---------------------------------------------------------------------------------------------------
# Audit trail (R-INF-7)
# ---------------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "audit_logs" {
  bucket              = local.log_bucket_names.audit
  object_lock_enabled = true
  tags                = merge(local.common_tags, { Purpose = "audit-logs" })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.logs.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id

  versioning_configuration {
    status = "Enabled"
  }
}

# 164.312(c)(1): audit logs cannot be altered or deleted for seven years.
resource "aws_s3_bucket_object_lock_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id

  rule {
    default_retention {
      mode  = "COMPLIANCE"
      years = 7
    }
  }
}

resource "aws_s3_bucket_public_access_block" "audit_logs" {
  bucket                  = aws_s3_bucket.audit_logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [local.log_bucket_arns.audit, "${local.log_bucket_arns.audit}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "CloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = local.log_bucket_arns.audit
      },
      {
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${local.log_bucket_arns.audit}/AWSLogs/${var.account_id}/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.audit_logs]
}

resource "aws_s3_bucket_logging" "audit_logs" {
  bucket        = aws_s3_bucket.audit_logs.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "s3/audit-logs/"
}

resource "aws_s3_bucket_lifecycle_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id

  rule {
    id     = "archive"
    status = "Enabled"

    filter {}

    transition {
      days          = 90
      storage_class = "GLACIER"
    }
  }
}

resource "aws_s3_bucket_replication_configuration" "audit_logs" {
  bucket = aws_s3_bucket.audit_logs.id
  role   = aws_iam_role.s3_replication["logs"].arn

  rule {
    id     = "to-dr-region"
    status = "Enabled"

    filter {}

    delete_marker_replication {
      status = "Disabled"
    }

    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }

    destination {
      bucket = var.log_replica_bucket_arns.audit

      encryption_configuration {
        replica_kms_key_id = var.log_replica_bucket_arns.kms_key
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.audit_logs]
}

# Seven years, like the trail's files.
resource "aws_cloudwatch_log_group" "trail" {
  name              = local.trail_log_group_name
  retention_in_days = 2557
  kms_key_id        = aws_kms_key.logs.arn
  tags              = local.common_tags
}

resource "aws_iam_role" "trail_logs" {
  name = "${local.name_prefix}-trail-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudtrail.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
    }]
  })
  tags = local.common_tags
}

resource "aws_iam_policy" "trail_logs" {
  name = "${local.name_prefix}-trail-logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "arn:aws:logs:${var.region}:${var.account_id}:log-group:${local.trail_log_group_name}:*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "trail_logs" {
  role       = aws_iam_role.trail_logs.name
  policy_arn = aws_iam_policy.trail_logs.arn
}

resource "aws_cloudtrail" "platform" {
  name                          = "${local.name_prefix}-trail"
  s3_bucket_name                = aws_s3_bucket.audit_logs.id
  include_global_service_events = true
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.logs.arn
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = aws_iam_role.trail_logs.arn

  # 164.312(b): object-level access to every bucket, PHI buckets included.
  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }

  tags = local.common_tags

  depends_on = [aws_s3_bucket_policy.audit_logs, aws_iam_role_policy_attachment.trail_logs]
}

resource "aws_sns_topic" "security_alerts" {
  name              = "${local.name_prefix}-security-alerts"
  kms_master_key_id = aws_kms_key.logs.arn
  tags              = local.common_tags
}

resource "aws_sns_topic_policy" "security_alerts" {
  arn = aws_sns_topic.security_alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "sns:Publish"
        Resource  = local.security_alerts_topic_arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "CloudWatchAlarms"
        Effect    = "Allow"
        Principal = { Service = "cloudwatch.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = local.security_alerts_topic_arn
        Condition = { StringEquals = { "aws:SourceAccount" = var.account_id } }
      },
    ]
  })
}

resource "aws_sns_topic_subscription" "security_alerts" {
  for_each  = toset(var.security_alert_emails)
  topic_arn = aws_sns_topic.security_alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_log_metric_filter" "security" {
  for_each       = local.security_alarms
  name           = each.key
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = each.value

  metric_transformation {
    name      = each.key
    namespace = "Northwind/Security"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "security" {
  for_each            = local.security_alarms
  alarm_name          = "${local.name_prefix}-${each.key}"
  namespace           = "Northwind/Security"
  metric_name         = each.key
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.security_alerts.arn]
}
