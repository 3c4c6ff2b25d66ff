// Canonical kinds of the data group register their facts by declaration merging, one file per service.
import './athena.js';
import './backup.js';
import './dms.js';
import './dynamodb.js';
import './ebs.js';
import './efs.js';
import './elasticache.js';
import './glue.js';
import './kinesis.js';
import './opensearch.js';
import './rds.js';
import './redshift.js';
import './s3.js';
import './sagemaker.js';
