"""Job-fair pre-pairing (P4, P9): pure functions over a fair's graduates, booths, slots and scored
pairs. No database and no HTTP here, so the solver can be tested and benchmarked on its own."""
