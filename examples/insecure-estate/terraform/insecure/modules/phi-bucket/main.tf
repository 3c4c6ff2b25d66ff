# A PHI bucket as the clinic first built it (2019): default SSE-S3 and nothing else.
resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

# GAP: SSE-S3 (AES256), not a customer-managed KMS key; no bucket key.
resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# GAP: versioning was suspended in 2021 to cut storage costs; deleted notes cannot be recovered.
resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Suspended"
  }
}

# GAP: no aws_s3_bucket_public_access_block, no TLS-only bucket policy, no access logging.
