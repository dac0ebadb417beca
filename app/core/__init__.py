"""Cross-cutting concerns: errors, logging, metrics, privacy."""
