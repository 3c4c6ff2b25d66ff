// Canonical kinds of the security group register their facts by declaration merging, one file per service.
export {};
