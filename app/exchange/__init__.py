"""Exchange between offices: report dumps, keys, signed packages, the shared folder, consolidation."""
