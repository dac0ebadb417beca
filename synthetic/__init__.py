"""Synthetic provincial data for demos, tests and benchmarks (never real people), deterministic by
seed: postings and graduates (synthetic.generate), fair solver inputs (synthetic.fairs).

Test and demo material, not product code: it sits beside app/ at the repository root, so
scripts/ (which put the root on sys.path), tests/ and `make demo` import it, while the wheel
(pyproject: packages "app*" only) does not ship it."""
