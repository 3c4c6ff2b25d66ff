// Preloaded with `node --import` when /usr/bin/time is missing: reports the process's peak RSS at exit.
process.on('exit', () => {
  process.stderr.write(`\nsafeguard-bench-max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
