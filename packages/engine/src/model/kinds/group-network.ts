// Canonical kinds of the network group register their facts by declaration merging, one file per service.
export {};
