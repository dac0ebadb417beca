"""Domain vocabulary shared by every layer (enums, industry codes, validators)."""
