// Build step: validates the catalog data and writes dist/catalog.snapshot.json so the CLI starts without
// parsing YAML; the loader falls back to the YAML whenever the sources no longer match the snapshot.
import { writeCatalogSnapshot } from '../dist/index.js';

writeCatalogSnapshot();
