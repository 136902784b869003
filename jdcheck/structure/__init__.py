"""Structure parsing: from blocks to sections, clauses, grifs and the acknowledgment."""
