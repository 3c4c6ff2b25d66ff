# Northwind Clinic: the patient-portal data tier and lab-results ingestion, as the legacy Terraform
# configuration has them. Every gap below is deliberate; the comment above it says how it came about.

# ---------------------------------------------------------------------------------------------------
# PHI buckets (clinical notes, lab results): one module instance per purpose.
# ---------------------------------------------------------------------------------------------------
module "phi_bucket" {
  source   = "./modules/phi-bucket"
  for_each = local.phi_buckets

  name           = each.value.name
  retention_days = each.value.retention_days
  tags           = merge(local.phi_tags, { Purpose = each.key })
}

# Receives the portal load balancer's access logs.
# (SSE-S3 here is correct: AWS delivers ALB access logs only to SSE-S3 buckets, and the rule knows it.)
# safeguard:ignore s3-bucket-replication reason="Request logs are regional operational metadata, never ePHI; the replicated audit archive holds the record" expires=2027-06-30
resource "aws_s3_bucket" "access_logs" {
  bucket = "${local.name_prefix}-access-logs"
  tags   = local.common_tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}

# ---------------------------------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------------------------------

# GAP: rotation was never turned on, and the 7-day deletion window was copied from a tutorial.
resource "aws_kms_key" "phi" {
  description             = "Northwind PHI data key"
  enable_key_rotation     = false
  deletion_window_in_days = 7
  tags                    = local.phi_tags
}

resource "aws_kms_alias" "phi" {
  name          = "alias/${local.name_prefix}-phi"
  target_key_id = aws_kms_key.phi.key_id
}

# Key for cross-region copies of backups, in the disaster-recovery region.
resource "aws_kms_key" "dr" {
  provider                = aws.dr
  description             = "Northwind DR copies key"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.common_tags
}

# ---------------------------------------------------------------------------------------------------
# Patient database (RDS PostgreSQL)
# ---------------------------------------------------------------------------------------------------

# GAP: no rds.force_ssl; the old portal build could not do TLS to the database.
resource "aws_db_parameter_group" "patient" {
  name   = "${local.name_prefix}-patient-pg11"
  family = "postgres11"

  parameter {
    name  = "log_min_duration_statement"
    value = "2000"
  }
}

resource "aws_db_subnet_group" "patient" {
  name       = "${local.name_prefix}-patient"
  subnet_ids = var.public_subnet_ids
}

resource "aws_security_group" "database" {
  name        = "${local.name_prefix}-database"
  description = "Patient database"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

resource "aws_vpc_security_group_ingress_rule" "database_from_bastion" {
  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = aws_security_group.bastion.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

# GAP: unencrypted, publicly accessible, 7-day backups, a password in the configuration (and so in
# the state), PostgreSQL 11 past the end of standard support, single-AZ, no deletion protection.
resource "aws_db_instance" "patient" {
  identifier              = "${local.name_prefix}-patient"
  engine                  = "postgres"
  engine_version          = var.db_engine_version
  instance_class          = "db.m5.large"
  allocated_storage       = 200
  db_name                 = "patients"
  username                = "portal_admin"
  password                = "example-not-a-real-password-0000"
  storage_encrypted       = false
  publicly_accessible     = true
  backup_retention_period = 7
  multi_az                = false
  deletion_protection     = false
  skip_final_snapshot     = true
  parameter_group_name    = aws_db_parameter_group.patient.name
  db_subnet_group_name    = aws_db_subnet_group.patient.name
  vpc_security_group_ids  = [aws_security_group.database.id]
  tags                    = local.phi_tags
}

# ---------------------------------------------------------------------------------------------------
# Appointments (DynamoDB)
# ---------------------------------------------------------------------------------------------------

# GAP: no point-in-time recovery; AWS owned key.
resource "aws_dynamodb_table" "appointments" {
  name         = "${local.name_prefix}-appointments"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "patientId"
  range_key    = "appointmentAt"

  attribute {
    name = "patientId"
    type = "S"
  }

  attribute {
    name = "appointmentAt"
    type = "S"
  }

  tags = local.phi_tags
}

# ---------------------------------------------------------------------------------------------------
# Bastion
# ---------------------------------------------------------------------------------------------------

resource "aws_security_group" "bastion" {
  name        = "${local.name_prefix}-bastion"
  description = "Bastion host"
  vpc_id      = var.vpc_id
  tags        = local.common_tags
}

# GAP: SSH from anywhere, "temporarily" opened during the 2020 migration.
resource "aws_vpc_security_group_ingress_rule" "bastion_ssh" {
  security_group_id = aws_security_group.bastion.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  description       = "SSH for the on-call engineer"
}

# ---------------------------------------------------------------------------------------------------
# Lab-results ingestion: SQS queue → Lambda function → RDS and S3
# ---------------------------------------------------------------------------------------------------

# GAP: no encryption at all (SSE-SQS switched off to debug a consumer and never switched back).
resource "aws_sqs_queue" "lab_results" {
  name                      = "${local.name_prefix}-lab-results"
  message_retention_seconds = 345600
  sqs_managed_sse_enabled   = false
  tags                      = local.phi_tags
}

data "aws_iam_policy_document" "lambda_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "lab_ingest" {
  name               = "${local.name_prefix}-lab-ingest"
  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json
  tags               = local.common_tags
}

# GAP: AdministratorAccess "until the permissions are worked out".
resource "aws_iam_role_policy_attachment" "lab_ingest_admin" {
  role       = aws_iam_role.lab_ingest.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# GAP: a home-made full-access policy, attached as well.
resource "aws_iam_policy" "ops_full_access" {
  name        = "${local.name_prefix}-ops-full-access"
  description = "Break-glass access for the ops team"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "lab_ingest_ops" {
  role       = aws_iam_role.lab_ingest.name
  policy_arn = aws_iam_policy.ops_full_access.arn
}

# GAP: nodejs14.x (deprecated), the database password in plain text in the environment, outside the VPC.
resource "aws_lambda_function" "lab_ingest" {
  function_name = "${local.name_prefix}-lab-ingest"
  role          = aws_iam_role.lab_ingest.arn
  runtime       = "nodejs14.x"
  handler       = "index.handler"
  filename      = "${path.module}/build/lab-ingest.zip"
  timeout       = 30
  memory_size   = 512

  environment {
    variables = {
      DB_HOST       = aws_db_instance.patient.address
      DB_USER       = "portal_admin"
      DB_PASSWORD   = "example-not-a-real-password-0000"
      NOTES_BUCKET  = module.phi_bucket["lab-results"].bucket_id
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

# GAP: 30 days of logs and no KMS key; HIPAA documentation must be kept six years.
resource "aws_cloudwatch_log_group" "lab_ingest" {
  name              = "/aws/lambda/${aws_lambda_function.lab_ingest.function_name}"
  retention_in_days = 30
  tags              = local.common_tags
}

# ---------------------------------------------------------------------------------------------------
# Patient portal load balancer
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

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_lb" "portal" {
  name               = "${local.name_prefix}-portal"
  load_balancer_type = "application"
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.alb.id]

  access_logs {
    bucket  = aws_s3_bucket.access_logs.id
    enabled = true
  }

  tags = local.common_tags
}

resource "aws_lb_target_group" "portal" {
  name        = "${local.name_prefix}-portal"
  port        = 8080
  protocol    = "HTTP"
  target_type = "ip"
  vpc_id      = var.vpc_id
}

# GAP: plain HTTP forwarded to the application.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

# GAP: ELBSecurityPolicy-2016-08 still negotiates TLS 1.0 and 1.1.
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.portal.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  certificate_arn   = var.portal_certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.portal.arn
  }
}

# ---------------------------------------------------------------------------------------------------
# Audit trail
# ---------------------------------------------------------------------------------------------------

resource "aws_s3_bucket" "audit_logs" {
  bucket = "${local.name_prefix}-audit-logs"
  tags   = local.common_tags
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
        Sid       = "CloudTrailAclCheck"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:GetBucketAcl"
        Resource  = aws_s3_bucket.audit_logs.arn
      },
      {
        Sid       = "CloudTrailWrite"
        Effect    = "Allow"
        Principal = { Service = "cloudtrail.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.audit_logs.arn}/AWSLogs/*"
        Condition = { StringEquals = { "s3:x-amz-acl" = "bucket-owner-full-control" } }
      },
    ]
  })
}

# GAP: single-region, no log-file validation, no KMS, no CloudWatch Logs delivery, no data events.
resource "aws_cloudtrail" "platform" {
  name                          = "${local.name_prefix}-trail"
  s3_bucket_name                = aws_s3_bucket.audit_logs.id
  include_global_service_events = true
  is_multi_region_trail         = false
  enable_log_file_validation    = false
  tags                          = local.common_tags

  depends_on = [aws_s3_bucket_policy.audit_logs]
}
