// Build step: writes dist/data.snapshot.json (the parsed data files) so a scan starts without parsing YAML;
// the loader falls back to the YAML whenever a file no longer matches its snapshot.
import { writeDataSnapshot } from '../dist/data-files.js';

writeDataSnapshot();
