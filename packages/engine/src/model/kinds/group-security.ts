// Canonical kinds of the security group register their facts by declaration merging, one file per service.
import './cloudtrail.js';
import './config.js';
import './guardduty.js';
import './iam.js';
import './kms.js';
import './logs.js';
import './secretsmanager.js';
import './securityhub.js';
import './sns.js';
import './sqs.js';
import './ssm.js';
