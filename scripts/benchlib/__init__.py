"""Helpers of ``scripts/bench_match.py`` (data set, in-process and HTTP measurements).

Split out so that each phase can run in its own child process: a child's resident memory is then
the engine's alone, not the benchmark driver's generated rows and vectors.
"""
