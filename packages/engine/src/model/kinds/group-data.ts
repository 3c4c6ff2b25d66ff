// Canonical kinds of the data group register their facts by declaration merging, one file per service.
import './s3.js';
