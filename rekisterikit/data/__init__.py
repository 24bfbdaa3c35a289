"""Package data: dated reference lists (the EEA, adequacy decisions) that the validators read."""
