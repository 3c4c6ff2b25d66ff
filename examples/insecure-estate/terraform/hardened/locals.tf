locals {
  name_prefix = "northwind-${var.env}"

  common_tags = {
    Application = "northwind-clinic"
    Environment = var.env
    ManagedBy   = "terraform"
  }

  # Resources that store or process ePHI carry this tag: it puts them inside Safeguard's PHI boundary.
  phi_tags = merge(local.common_tags, { DataClassification = "PHI" })

  phi_buckets = { for purpose, settings in var.phi_buckets : purpose => merge(settings, {
    name = "${local.name_prefix}-${purpose}"
  }) }

  account_root = "arn:aws:iam::${var.account_id}:root"

  # Names and ARNs built from configuration, so that policies are known at plan time and judged in the
  # plan (an ARN read from a resource being created is "known after apply", and so is any policy using it).
  log_bucket_names = {
    audit  = "${local.name_prefix}-audit-logs"
    access = "${local.name_prefix}-access-logs"
  }
  log_bucket_arns = { for purpose, name in local.log_bucket_names : purpose => "arn:aws:s3:::${name}" }

  queue_names = {
    lab_results     = "${local.name_prefix}-lab-results"
    lab_results_dlq = "${local.name_prefix}-lab-results-dlq"
  }
  queue_arns = { for key, name in local.queue_names : key => "arn:aws:sqs:${var.region}:${var.account_id}:${name}" }

  security_alerts_topic_arn = "arn:aws:sns:${var.region}:${var.account_id}:${local.name_prefix}-security-alerts"
  trail_log_group_name      = "/aws/cloudtrail/${local.name_prefix}"

  # R-INF-7: CIS AWS Foundations metric filters on the trail log group, each with an alarm.
  security_alarms = {
    "root-account-use"       = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
    "unauthorized-api-calls" = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
    "iam-policy-changes"     = "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }"
    "security-group-changes" = "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }"
    "kms-key-deletion"       = "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"
    "console-signin-failure" = "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }"
  }
}
